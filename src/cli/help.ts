/** The text of `lakegate --help`; keep it true to the commands in cli-main.ts. */
export const HELP = `lakegate — a PostgreSQL-wire SQL gateway over lake tables

Usage:
  lakegate serve [options]          start the server
  lakegate sql [options] "SQL"      run statements in-process and print the results
  lakegate hash-password [PASSWORD] print a SCRAM-SHA-256 verifier for the config file
                                    (reads the password from stdin when not given)
  lakegate --help | --version

Options (serve and sql):
  --config FILE       YAML configuration file (env LAKEGATE_CONFIG)
  --warehouse DIR     warehouse directory of the default local catalog
                      (default ./warehouse; env LAKEGATE_WAREHOUSE)
  --catalog NAME      name of the default catalog; clients select it as dbname
                      (default local; env LAKEGATE_CATALOG)
  --demo              create the database "sample" with a table "orders" if absent

Options (serve):
  --host ADDR         listen address (default 127.0.0.1; env LAKEGATE_HOST).
                      Non-loopback addresses require users in the config file.
  --port PORT         listen port (default 5433; env LAKEGATE_PORT)

Other environment variables: LAKEGATE_WORKERS, LAKEGATE_STATEMENT_TIMEOUT,
LAKEGATE_MEMORY_LIMIT, LAKEGATE_MAX_MESSAGE_SIZE, LAKEGATE_TLS_CERT, LAKEGATE_TLS_KEY,
LAKEGATE_LOG_LEVEL, LAKEGATE_LOG_FORMAT (auto|json|pretty). See docs/configuration.md.

Connect with:  psql "host=127.0.0.1 port=5433 dbname=local user=$USER"
`;
