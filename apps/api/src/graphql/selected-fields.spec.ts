import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { asksOnly, selectedFieldNames } from './selected-fields';

describe('selectedFieldNames', () => {
  const schema = buildSchema(`type Status { enabled: Boolean, methods: [String] } type Query { status: Status }`);

  async function namesFor(query: string): Promise<{ names: string[]; only: boolean }> {
    let seen: { names: string[]; only: boolean } = { names: [], only: false };
    const rootValue = {
      status: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
        seen = { names: [...selectedFieldNames(info)].sort(), only: asksOnly(info, ['enabled', '__typename']) };
        return { enabled: true, methods: [] };
      },
    };
    const res = await graphql({ schema, source: query, rootValue });
    expect(res.errors).toBeUndefined();
    return seen;
  }

  it('reads plain fields, inline fragments and named fragments (once, even when repeated)', async () => {
    expect(await namesFor('{ status { enabled } }')).toEqual({ names: ['enabled'], only: true });
    expect(await namesFor('{ status { __typename enabled } }')).toEqual({ names: ['__typename', 'enabled'], only: true });
    expect(await namesFor('{ status { ... on Status { methods } } }')).toEqual({ names: ['methods'], only: false });
    expect(await namesFor('query { status { ...F ...F } } fragment F on Status { enabled methods }')).toEqual({ names: ['enabled', 'methods'], only: false });
    expect(await namesFor('{ status { enabled methods @skip(if: true) } }')).toEqual({ names: ['enabled', 'methods'], only: false });
  });
});
