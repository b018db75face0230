// The B2 baseline: a bare Apollo Server 5 on the API's HTTP adapter (Express 5 with
// @as-integrations/express5), nothing else. `node bare-apollo.mjs <port>`.
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';

const port = Number(process.argv[2] ?? 4300);
const server = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'world' } } });
await server.start();
const app = express();
app.use('/graphql', express.json(), expressMiddleware(server));
app.get('/health', (_req, res) => res.json({ status: 'ok' }));
app.listen(port, '127.0.0.1', () => process.stdout.write(`bare apollo on ${port}\n`));
process.on('SIGTERM', () => process.exit(0));
