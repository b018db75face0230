import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields the operation asks of this resolver's value, through fragments and
 * inline fragments (a field under @skip/@include counts as asked). Lets a resolver skip queries
 * for fields nobody asked for.
 */
export function selectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, seen: Set<string>) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet, seen);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        visit(info.fragments[s.name.value]?.selectionSet, seen);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, new Set());
  return names;
}

/** True when every field asked of this value is in `allowed`. */
export function asksOnly(info: GraphQLResolveInfo, allowed: readonly string[]): boolean {
  for (const name of selectedFieldNames(info)) if (!allowed.includes(name)) return false;
  return true;
}
