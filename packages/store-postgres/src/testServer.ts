import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A throwaway PostgreSQL server in a temporary directory, for tests and benchmarks. */
export interface TestPostgres {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** The server's major version, e.g. 15. */
  readonly version: number;
  /** A connection URL for `database` (default `postgres`), with the password. */
  url(database?: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

/** Options of `startPostgres`. */
export interface StartPostgresOptions {
  /** Keep fsync and full-page writes on, as a production server would (default false: faster tests). */
  readonly durable?: boolean;
}

const INSTALL_HINT =
  'Install them with `sh packages/store-postgres/scripts/install-postgres.sh` (Debian/Ubuntu: ' +
  '`apt-get install -y postgresql`), or set LVZHI_PG_BINDIR to the directory holding initdb and pg_ctl.';

/** The directory holding `initdb` and `pg_ctl`: LVZHI_PG_BINDIR, Debian's newest version, or the PATH. */
function findBinDir(): string {
  const candidates: string[] = [];
  const fromEnv = process.env.LVZHI_PG_BINDIR;
  if (fromEnv) candidates.push(fromEnv);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debian, v, 'bin')));
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir) candidates.push(dir);
  const found = candidates.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  if (!found) throw new Error(`PostgreSQL server binaries (initdb, pg_ctl) were not found. ${INSTALL_HINT}`);
  return found;
}

/** The uid and gid to run the server as: ourselves, or the `postgres` user when we are root. */
function serverAccount(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const name = process.env.LVZHI_PG_USER ?? 'postgres';
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) {
    throw new Error(
      `running as root, and initdb refuses to run as root, but there is no '${name}' user to run the server as. ${INSTALL_HINT}`,
    );
  }
  return { uid: Number(uid), gid: Number(gid) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function run(
  file: string,
  args: readonly string[],
  account: { uid: number; gid: number } | undefined,
  cwd: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      ...(account ?? {}),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${file} ${args.join(' ')} exited with ${code}:\n${output.trim()}`));
    });
  });
}

/**
 * Starts a PostgreSQL server of its own: `initdb` into a temporary directory (as the `postgres` user when
 * running as root), `pg_ctl start` on a free port of 127.0.0.1 with password authentication over TCP.
 * Fails, naming how to install them, when the server binaries are missing. Call `stop()` when done.
 *
 * @example
 * const server = await startPostgres();
 * const url = await server.createDatabase('test');
 * // …
 * await server.stop();
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<TestPostgres> {
  const binDir = findBinDir();
  const account = serverAccount();
  const dir = mkdtempSync(join(tmpdir(), 'lvzhi-pg-'));
  const data = join(dir, 'data');
  const user = 'postgres';
  const password = 'lvzhi-test';
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (account) {
    chownSync(dir, account.uid, account.gid);
    chownSync(pwfile, account.uid, account.gid);
  }
  const pgCtl = join(binDir, 'pg_ctl');
  let started = false;
  const stopNow = () => {
    if (started) {
      spawnSync(pgCtl, ['stop', '-D', data, '-m', 'immediate', '-w'], { cwd: dir, ...(account ?? {}) });
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);
  try {
    await run(
      join(binDir, 'initdb'),
      [
        '-D',
        data,
        '-U',
        user,
        `--pwfile=${pwfile}`,
        '--auth-local=trust',
        '--auth-host=scram-sha-256',
        '-E',
        'UTF8',
        '--locale=C',
        '--no-sync',
      ],
      account,
      dir,
    );
    const durability = options.durable ? [] : ['-c fsync=off', '-c full_page_writes=off'];
    let port = 0;
    for (let attempt = 1; !started; attempt++) {
      port = await freePort();
      const serverOptions = [
        `-p ${port}`,
        `-k ${dir}`,
        "-c listen_addresses='127.0.0.1'",
        '-c max_connections=200',
        ...durability,
      ].join(' ');
      try {
        await run(
          pgCtl,
          ['start', '-D', data, '-w', '-t', '60', '-l', join(dir, 'server.log'), '-o', serverOptions],
          account,
          dir,
        );
        started = true;
      } catch (error) {
        // Another process may have taken the port between our probe and the server's bind.
        if (attempt >= 3) throw error;
      }
    }
    const version = Number(
      execFileSync(join(binDir, 'postgres'), ['--version'], { encoding: 'utf8' }).match(/(\d+)/)?.[1],
    );
    const host = '127.0.0.1';
    const url = (database = 'postgres') =>
      `postgres://${user}:${encodeURIComponent(password)}@${host}:${port}/${database}`;
    return {
      host,
      port,
      user,
      password,
      version,
      url,
      async createDatabase(name: string) {
        const client = new pg.Client({ connectionString: url() });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
        } finally {
          await client.end();
        }
        return url(name);
      },
      async stop() {
        process.removeListener('exit', stopNow);
        if (started) {
          await run(pgCtl, ['stop', '-D', data, '-m', 'fast', '-w'], account, dir).catch(() => undefined);
          started = false;
        }
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    process.removeListener('exit', stopNow);
    stopNow();
    throw error;
  }
}
