# One image for every service of the federation; the compose file (or your orchestrator) picks the
# command: the gateway, or one subgraph by name. Node 20, as package.json's engines and CI.
FROM node:20-bookworm-slim

ENV NODE_ENV=production \
    # Inside a container the services listen on every interface; the network decides who reaches them.
    HOST=0.0.0.0
WORKDIR /app

# Dependencies first, so a change to the code does not reinstall them. No dev dependencies: the
# services run TypeScript through tsx, which is a runtime dependency.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY tsconfig.json ./
COPY schema ./schema
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY scripts ./scripts

# Never root. Data lives in the databases; the only files a service writes are the log's signed
# checkpoints, in a volume mounted at /var/lib/woonkans.
RUN mkdir -p /var/lib/woonkans && chown node:node /var/lib/woonkans
USER node

EXPOSE 4000 4001 4002 4003 4004
# node, not npm: npm does not pass SIGTERM on, and the services drain on SIGTERM (readyz 503 first).
CMD ["node", "--import", "tsx", "gateway/main.ts"]
