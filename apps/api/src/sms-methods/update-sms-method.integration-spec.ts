import { startApi, type TestApi } from '../../test/harness';
import { enableNumber, signUp } from '../../test/journey';

describe('updateSmsMethod', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  const UPDATE_NO_DESCRIPTION = `mutation($id: ID!) { updateSmsMethod(input: { methodId: $id }) { id description } }`;
  const UPDATE = `mutation($id: ID!, $d: String) { updateSmsMethod(input: { methodId: $id, description: $d }) { id description } }`;

  it('leaves the description alone when the field is left out, and clears it with null', async () => {
    const { token } = await signUp(api);
    const { methodId } = await enableNumber(api, token, undefined, 'Work phone');
    const untouched = await api.gql(UPDATE_NO_DESCRIPTION, { id: methodId }, { token });
    expect(untouched.data!['updateSmsMethod'].description).toBe('Work phone');
    const cleared = await api.gql(UPDATE, { id: methodId, d: null }, { token });
    expect(cleared.data!['updateSmsMethod'].description).toBeNull();
    const { rows } = await api.pg.query('SELECT description FROM sms_method WHERE id = $1', [methodId]);
    expect(rows[0].description).toBeNull();
  });
});
