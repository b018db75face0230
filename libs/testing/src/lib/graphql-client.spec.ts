import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorCode, graphqlClient } from './graphql-client';

describe('graphqlClient', () => {
  let server: Server;
  let url: string;
  let last: { method?: string; path?: string; headers: IncomingMessage['headers']; body: string };
  let answer: { status: number; contentType: string; body: string };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        last = {
          method: req.method,
          path: req.url,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    answer = { status: 200, contentType: 'application/json', body: JSON.stringify({ data: { me: { id: '1' } } }) };
  });

  it('POSTs the document and variables as JSON to /graphql and answers status, data, ms and the raw text', async () => {
    const gql = graphqlClient(`${url}/`);
    const res = await gql<{ me: { id: string } }>('{ me { id } }', { a: 1 });
    expect(last).toMatchObject({ method: 'POST', path: '/graphql' });
    expect(JSON.parse(last.body)).toEqual({ query: '{ me { id } }', variables: { a: 1 } });
    expect(last.headers['content-type']).toBe('application/json');
    expect(last.headers['user-agent']).toBe('twofold-tests');
    expect(last.headers['authorization']).toBeUndefined();
    expect(last.headers['x-forwarded-for']).toBeUndefined();
    expect(res).toMatchObject({ status: 200, data: { me: { id: '1' } }, text: answer.body });
    expect(res.errors).toBeUndefined();
    expect(res.ms).toBeGreaterThanOrEqual(0);
    expect(gql.endpoint).toBe(`${url}/graphql`);
  });

  it('sends the token as a bearer, the ip as X-Forwarded-For, and extra headers last', async () => {
    const gql = graphqlClient(url, { userAgent: 'suite-agent' });
    await gql('{ me { id } }', {}, { token: 'tok', ip: '10.0.0.7', headers: { 'accept-language': 'fr' } });
    expect(last.headers).toMatchObject({
      authorization: 'Bearer tok',
      'x-forwarded-for': '10.0.0.7',
      'accept-language': 'fr',
      'user-agent': 'suite-agent',
    });
    await gql('{ me { id } }', {}, { headers: { 'user-agent': 'ua-of-the-test' } });
    expect(last.headers['user-agent']).toBe('ua-of-the-test');
  });

  it('reads GraphQL errors and their code', async () => {
    answer.body = JSON.stringify({ data: null, errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] });
    const res = await graphqlClient(url)('{ me { id } }');
    expect(res.data).toBeNull();
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(errorCode({})).toBeUndefined();
  });

  it('post: any body and content type; a batch answers with its first result; a non-JSON answer keeps its text', async () => {
    const gql = graphqlClient(url);
    answer.body = JSON.stringify([{ data: { first: true } }, { data: { second: true } }]);
    const batch = await gql.post('[{"query":"{a}"},{"query":"{b}"}]');
    expect(batch.data).toEqual({ first: true });

    answer = { status: 400, contentType: 'text/html', body: '<p>refused</p>' };
    const refused = await gql.post('query=%7Ba%7D', { contentType: 'application/x-www-form-urlencoded', token: 't' });
    expect(last.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(last.body).toBe('query=%7Ba%7D');
    expect(refused).toMatchObject({ status: 400, data: null, text: '<p>refused</p>' });
    expect(refused.errors).toBeUndefined();
  });
});
