import { Initial1795905797570 } from './1795905797570-Initial';

// Listed explicitly (not globbed) so bundles and tests find them. Append, never reorder.
export const MIGRATIONS = [Initial1795905797570];
