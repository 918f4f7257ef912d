// Makes a team database on any CouchDB (the local team server or Apache CouchDB 3), docs/sync.md:
//   npm run team:setup -- --url URL --db NAME --member USER:PASSWORD [--member …]
// with the server admin from COUCHDB_USER / COUCHDB_PASSWORD (default admin / admin). It creates the
// database, the editors' users when missing, the members list (`_security`: only members read and write)
// and the validation design document, generated from the record rules. Running it again changes nothing.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface TeamSetup {
  url: string;
  db: string;
  admin: { user: string; password: string };
  members: { user: string; password: string }[];
}

/** The design document that holds the rules. */
export const RULES_DOC = '_design/digest-clipper';

/**
 * `validate_doc_update` as CouchDB runs it: lib/sync/validate-doc.ts and the record rules it reads by,
 * bundled into one function (ES2019: CouchDB 3.3+ with SpiderMonkey 78/91, or 3.4 with QuickJS). Their
 * JavaScript has no `URL`: a small stand-in tells the scheme, all the rules ask of an address.
 */
export async function validationFunction(): Promise<string> {
  const out = await build({
    entryPoints: [fileURLToPath(new URL('../lib/sync/validate-doc.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'rules',
    target: 'es2019',
    platform: 'neutral',
    minify: true,
    legalComments: 'none',
  });
  const bundle = (out.outputFiles[0] as { text: string }).text.trim();
  const urlStandIn =
    "if(typeof URL==='undefined'){var URL=function(u){var m=/^([a-zA-Z][a-zA-Z0-9+.-]*:)(\\/\\/[^\\s\\/?#]+)?[^\\s]*$/.exec(String(u));if(!m)throw new TypeError('Invalid URL');this.protocol=m[1].toLowerCase();this.href=String(u);};}";
  return `function (newDoc, oldDoc, userCtx, secObj) {\n${urlStandIn}\n${bundle}\nreturn rules.validateDocUpdate(newDoc, oldDoc, userCtx, secObj);\n}`;
}

/** The parts of CouchDB's answers the setup reads. */
interface Answer {
  _rev?: string;
  validate_doc_update?: string;
  admins?: { names: string[]; roles: string[] };
  members?: { names?: string[]; roles?: string[] };
}

type Call = (path: string, init?: { method?: string; body?: unknown }) => Promise<{ status: number; body: Answer }>;

function adminCalls(setup: TeamSetup): Call {
  const auth = `Basic ${Buffer.from(`${setup.admin.user}:${setup.admin.password}`).toString('base64')}`;
  return async (path, init = {}) => {
    const response = await fetch(`${setup.url}/${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  };
}

/** What the setup did, one line a step ("unchanged" when it was already so). */
export async function setupTeam(setup: TeamSetup): Promise<string[]> {
  const call = adminCalls(setup);
  const done: string[] = [];
  const must = (reply: { status: number; body: unknown }, what: string) => {
    if (reply.status >= 300) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
  };
  const db = encodeURIComponent(setup.db);
  const welcome = await call('');
  if (welcome.status === 401)
    throw new Error('the server admin name or password is wrong (COUCHDB_USER / COUCHDB_PASSWORD)');
  const created = await call(db, { method: 'PUT' });
  if (created.status === 412) done.push(`database ${setup.db}: already there`);
  else {
    must(created, `creating ${setup.db}`);
    done.push(`database ${setup.db}: created`);
  }
  // CouchDB 3 makes _users on its first start in a cluster's setup; a single node may lack it.
  const users = await call('_users', { method: 'PUT' });
  if (users.status !== 412) must(users, 'creating _users');
  for (const member of setup.members) {
    const id = `_users/org.couchdb.user:${encodeURIComponent(member.user)}`;
    if ((await call(id)).status === 200) {
      done.push(`user ${member.user}: already there (password unchanged)`);
      continue;
    }
    must(
      await call(id, {
        method: 'PUT',
        body: { name: member.user, password: member.password, roles: [], type: 'user' },
      }),
      `creating user ${member.user}`,
    );
    done.push(`user ${member.user}: created`);
  }
  const security = await call(`${db}/_security`);
  must(security, 'reading _security');
  const names = [...new Set([...(security.body.members?.names ?? []), ...setup.members.map((m) => m.user)])].sort();
  const wanted = {
    admins: security.body.admins ?? { names: [], roles: [] },
    members: { names, roles: security.body.members?.roles ?? [] },
  };
  if (JSON.stringify(security.body.members?.names ?? []) === JSON.stringify(names) && security.body.members?.roles)
    done.push(`members: ${names.join(', ')} (unchanged)`);
  else {
    must(await call(`${db}/_security`, { method: 'PUT', body: wanted }), 'writing _security');
    done.push(`members: ${names.join(', ')}`);
  }
  const validate = await validationFunction();
  const current = await call(`${db}/${RULES_DOC}`);
  if (current.status === 200 && current.body.validate_doc_update === validate) done.push('validation rules: unchanged');
  else {
    const body = { ...(current.status === 200 ? { _rev: current.body._rev } : {}), validate_doc_update: validate };
    must(await call(`${db}/${RULES_DOC}`, { method: 'PUT', body }), 'writing the validation rules');
    done.push(current.status === 200 ? 'validation rules: updated' : 'validation rules: installed');
  }
  return done;
}

function parseArgs(argv: string[]): TeamSetup {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const members = argv.flatMap((arg, i) => (arg === '--member' && argv[i + 1] ? [argv[i + 1] as string] : []));
  const url = value('--url');
  const db = value('--db');
  if (!url || !db || members.length === 0 || members.some((m) => !m.includes(':')))
    throw new Error(
      'usage: npm run team:setup -- --url URL --db NAME --member USER:PASSWORD [--member USER:PASSWORD …]',
    );
  return {
    url: url.replace(/\/+$/, ''),
    db,
    admin: { user: process.env.COUCHDB_USER ?? 'admin', password: process.env.COUCHDB_PASSWORD ?? 'admin' },
    members: members.map((m) => ({ user: m.slice(0, m.indexOf(':')), password: m.slice(m.indexOf(':') + 1) })),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const setup = parseArgs(process.argv.slice(2));
    const done = await setupTeam(setup);
    for (const line of done) console.log(`✓ ${line}`);
    console.log('\nGive each editor (Options → Team):');
    console.log(`  Server:   ${setup.url}\n  Database: ${setup.db}`);
    for (const m of setup.members) console.log(`  User:     ${m.user} (and the password you chose)`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
