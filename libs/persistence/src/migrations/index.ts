import { Initial1795906284305 } from './1795906284305-Initial';

// Listed explicitly (not globbed) so bundles and tests find them. Append, never reorder.
export const MIGRATIONS = [Initial1795906284305];
