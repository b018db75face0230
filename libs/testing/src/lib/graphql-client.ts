/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are loose JSON */

export interface GqlError {
  message: string;
  extensions: Record<string, any>;
}

/** One GraphQL answer as a test sees it. */
export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: GqlError[];
  /** Wall time of the round trip, in milliseconds. */
  ms: number;
  /** The body as received: the only answer when the server refused before GraphQL (not JSON). */
  text: string;
}

export interface GqlRequestOptions {
  /** Sent as `Authorization: Bearer …`. */
  token?: string;
  /** Sent as X-Forwarded-For: the client address an API behind a trusted proxy sees. */
  ip?: string;
  /** Extra headers, applied last (they may replace the defaults, e.g. user-agent). */
  headers?: Record<string, string>;
}

export interface GqlPostOptions extends GqlRequestOptions {
  /** Default application/json. */
  contentType?: string;
}

export interface GraphqlClient {
  /** POSTs one document as JSON, as a browser would. */
  <T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    opts?: GqlRequestOptions,
  ): Promise<GqlResponse<T>>;
  /** POSTs any body with any content type: batches, oversized documents, CSRF probes. A batch answers with its first result. */
  post<T = Record<string, any>>(body: string, opts?: GqlPostOptions): Promise<GqlResponse<T>>;
  /** The GraphQL endpoint. */
  readonly endpoint: string;
}

export interface GraphqlClientOptions {
  /** The user-agent header of every request (default `twofold-tests`). */
  userAgent?: string;
}

/**
 * The GraphQL test client of every harness: in-process API tests, the worker's full-stack e2e,
 * the whole-system and security batteries. `url` is the API's base URL (`/graphql` is added).
 */
export function graphqlClient(url: string, options: GraphqlClientOptions = {}): GraphqlClient {
  const endpoint = `${url.replace(/\/+$/, '')}/graphql`;
  const userAgent = options.userAgent ?? 'twofold-tests';

  const post = async <T>(body: string, opts: GqlPostOptions = {}): Promise<GqlResponse<T>> => {
    const started = performance.now();
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': opts.contentType ?? 'application/json',
        'user-agent': userAgent,
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.ip ? { 'x-forwarded-for': opts.ip } : {}),
        ...(opts.headers ?? {}),
      },
      body,
    });
    const text = await res.text();
    const ms = performance.now() - started;
    const json = parseJson(text);
    const one = Array.isArray(json) ? json[0] : json;
    return { status: res.status, data: (one?.data as T | undefined) ?? null, errors: one?.errors, ms, text };
  };

  const gql = <T>(query: string, variables: Record<string, unknown> = {}, opts: GqlRequestOptions = {}) =>
    post<T>(JSON.stringify({ query, variables }), opts);

  return Object.assign(gql, { post, endpoint }) as GraphqlClient;
}

function parseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The code of the first GraphQL error, for one-line assertions. */
export function errorCode(res: { errors?: { extensions?: Record<string, any> }[] }): string | undefined {
  return res.errors?.[0]?.extensions?.['code'];
}
