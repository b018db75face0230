import { startSystem, type System } from './harness';
let sys: System;
beforeAll(async () => { sys = await startSystem({ label: 'probe', env: { NODE_ENV: 'production' } }); });
afterAll(async () => { await sys?.stop(); });
it('probe', async () => {
  const out: string[] = [];
  const show = async (label: string, p: Promise<any>) => { const r = await p; out.push(`${label}: ${r.status} ${r.text.slice(0, 400)}`); };
  await show('aliases16', sys.gql(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ')} }`));
  await show('aliases16me', sys.gql(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')} }`));
  await show('tokens', sys.gql(`{ ${Array.from({ length: 2100 }, () => '__typename').join(' ')} }`));
  const guesses = Array.from({ length: 1000 }, (_, i) => `a${i}:completeLoginWithSms(input:{ticket:$t,methodId:$m,code:"${String(i).padStart(6, '0')}"}){token}`);
  await show('alias1000', sys.gql(`mutation($t:String!,$m:ID!){${guesses.join(' ')}}`, { t: 'x'.repeat(30), m: 'y' }));
  await show('big', sys.post(JSON.stringify({ query: '{ me { id } }', variables: { x: 'x'.repeat(1024 * 1024) } })));
  console.log(out.join('\n') + '\n---logs\n' + sys.logs().split('\n').slice(-20).join('\n'));
});
