// One server of the adapter probe (see probe.cjs for how to run it).
// One of four GraphQL servers answering { __typename }: bare Apollo 5 on Express 5 or Fastify 5,
// or NestJS 11 + GraphQLModule (ApolloDriver) on the Express or the Fastify adapter.
require('reflect-metadata');
const kind = process.argv[2];
const port = Number(process.argv[3]);
const typeDefs = 'type Query { hello: String }';
const resolvers = { Query: { hello: () => 'x' } };
async function main() {
  if (kind === 'bare-express') {
    const express = require('express');
    const { ApolloServer } = require('@apollo/server');
    const { expressMiddleware } = require('@as-integrations/express5');
    const server = new ApolloServer({ typeDefs, resolvers });
    await server.start();
    const app = express();
    app.use('/graphql', express.json(), expressMiddleware(server));
    app.listen(port, '127.0.0.1');
  } else if (kind === 'bare-fastify') {
    const Fastify = require('fastify');
    const { ApolloServer } = require('@apollo/server');
    const { fastifyApolloHandler } = require('@as-integrations/fastify');
    const server = new ApolloServer({ typeDefs, resolvers });
    await server.start();
    const app = Fastify();
    app.route({ url: '/graphql', method: ['GET', 'POST', 'OPTIONS'], handler: fastifyApolloHandler(server) });
    await app.listen({ port, host: '127.0.0.1' });
  } else {
    const { NestFactory } = require('@nestjs/core');
    const { Module } = require('@nestjs/common');
    const { GraphQLModule } = require('@nestjs/graphql');
    const { ApolloDriver } = require('@nestjs/apollo');
    class AppModule {}
    Module({ imports: [GraphQLModule.forRoot({ driver: ApolloDriver, typeDefs, resolvers, playground: false })] })(AppModule);
    let app;
    if (kind === 'nest-fastify') {
      const { FastifyAdapter } = require('@nestjs/platform-fastify');
      app = await NestFactory.create(AppModule, new FastifyAdapter(), { logger: false });
    } else {
      app = await NestFactory.create(AppModule, { logger: false });
    }
    await app.listen(port, '127.0.0.1');
  }
  process.send?.('ready');
}
main();
