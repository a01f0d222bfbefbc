# syntax=docker/dockerfile:1
# lakegate: a PostgreSQL-wire SQL gateway over lake tables.
#
#   docker compose up --build          # see docker-compose.yml (mounts config/docker.yaml)
#   docker build -t lakegate .
#   docker run -p 5433:5433 -v "$PWD/config/docker.yaml:/etc/lakegate/lakegate.yaml:ro" lakegate
#
# Binding a non-loopback address requires configured users, so the default command reads
# /etc/lakegate/lakegate.yaml; mount a config with at least one user there.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: compile TypeScript with the dev dependencies -------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would compile before the sources are copied; the build below does.
RUN npm ci --ignore-scripts --no-audit --no-fund
# The sources: .dockerignore keeps tests, bench, docs and local state out of the context, so
# dist/ holds only the server (and a layer folder that is still empty is simply absent).
COPY . .
RUN npm run build

# --- runtime: production dependencies and the compiled output only ---------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    LAKEGATE_LOG_FORMAT=json
WORKDIR /opt/lakegate
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /src/dist ./dist
COPY bin ./bin

# A fixed non-root uid/gid, so a host directory can be chowned for the warehouse volume.
RUN groupadd --system --gid 10001 lakegate \
 && useradd --system --uid 10001 --gid lakegate --home-dir /var/lib/lakegate --shell /usr/sbin/nologin lakegate \
 && mkdir -p /var/lib/lakegate/warehouse /etc/lakegate \
 && chown -R lakegate:lakegate /var/lib/lakegate
VOLUME ["/var/lib/lakegate/warehouse"]
USER lakegate:lakegate
EXPOSE 5433

# SIGTERM (docker stop) makes lakegate stop accepting and let running statements finish;
# node runs as PID 1 directly (no shell) so it receives the signal.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "require('net').connect(5433,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))"]
ENTRYPOINT ["node", "/opt/lakegate/bin/lakegate.js"]
CMD ["serve", "--host", "0.0.0.0", "--port", "5433", "--warehouse", "/var/lib/lakegate/warehouse", "--config", "/etc/lakegate/lakegate.yaml"]
