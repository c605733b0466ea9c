// @apollo/subgraph 2.14 (the last line that runs on Node 20) does not export this type from its root,
// only from here; 2.15 does. One place to change when the project moves to Node 22.
export type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
