import { requestHeaders } from './apollo';

describe('requestHeaders', () => {
  it('sends the page language as Accept-Language (signUp stores it as the account locale) and the token', () => {
    expect(requestHeaders(undefined, null, 'fr')).toEqual({ 'accept-language': 'fr' });
    expect(requestHeaders({ 'x-other': '1' }, 'tok', 'en')).toEqual({
      'x-other': '1',
      'accept-language': 'en',
      authorization: 'Bearer tok',
    });
    expect(requestHeaders(undefined, null, undefined)).toEqual({});
  });
});
