// A real, local OpenID provider for the demo and the tests (never used by the product code): the
// `oidc-provider` package, configured by the project, with the test persons of
// libs/demo/data/test-persons.json and a simple Swedish page where a tester picks a person.
// One process is one provider: IDP_KIND=e-legitimation (applicants, with personnummer and level of
// assurance) or IDP_KIND=personal (the region's staff, with groups).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Provider from 'oidc-provider';

const env = process.env;
const kind = env.IDP_KIND === 'personal' ? 'personal' : 'e-legitimation';
const port = Number(env.IDP_PORT || (kind === 'personal' ? 3602 : 3601));
const host = '127.0.0.1';
const issuer = `http://${host}:${port}`;
const pnrClaim = env.IDP_PNR_CLAIM || 'https://id.oidc.se/claim/personalIdentityNumber';
const personsFile =
  env.IDP_PERSONS_FILE ||
  join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'libs', 'demo', 'data', 'test-persons.json');
const persons = JSON.parse(readFileSync(personsFile, 'utf8'));
const people = kind === 'personal' ? persons.staff : persons.applicants;

function claimsOf(person) {
  if (kind === 'personal')
    return {
      sub: person.id,
      name: person.name,
      preferred_username: person.username,
      email: person.email,
      groups: person.groups,
    };
  return {
    sub: person.id,
    name: `${person.givenName} ${person.familyName}`,
    given_name: person.givenName,
    family_name: person.familyName,
    [pnrClaim]: person.personnummer,
  };
}

const claims =
  kind === 'personal'
    ? { openid: ['sub'], profile: ['name', 'preferred_username', 'groups'], email: ['email'] }
    : {
        openid: ['sub'],
        profile: ['name', 'given_name', 'family_name'],
        'https://id.oidc.se/scope/naturalPersonNumber': [pnrClaim],
      };

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: env.IDP_CLIENT_ID || 'anslag',
      client_secret: env.IDP_CLIENT_SECRET || 'demo-hemlighet',
      redirect_uris: (env.IDP_REDIRECT_URIS || `http://localhost:3600/api/auth/oidc/${kind}/callback`).split(
        ',',
      ),
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'demo', use: 'sig', alg: 'RS256' }] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  claims,
  scopes: ['openid', ...Object.keys(claims).filter((s) => s !== 'openid')],
  acrValues: kind === 'personal' ? [] : [...new Set(people.map((p) => p.loa))],
  conformIdTokenClaims: false, // claims in the ID token, as Sweden Connect's profile gives them
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_ctx, id) => {
    const person = people.find((p) => p.id === id);
    return person ? { accountId: id, claims: () => claimsOf(person) } : undefined;
  },
  // The test persons consent to every client; there is only ours.
  loadExistingGrant: async (ctx) => {
    const grantId =
      ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(ctx.oidc.params.scope);
    await grant.save();
    return grant;
  },
  ttl: { Session: 60, Interaction: 600, Grant: 600, AccessToken: 300, IdToken: 300, AuthorizationCode: 60 },
});

const escape = (s) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

function page(uid) {
  const title = kind === 'personal' ? 'Logga in som personal' : 'Logga in med e-legitimation (test)';
  const rows = people
    .map((p) => {
      const label =
        kind === 'personal'
          ? `${escape(p.name)} <small>${escape(p.username)} · ${escape(p.groups.join(', '))}</small>`
          : `${escape(p.givenName)} ${escape(p.familyName)} <small>${escape(p.personnummer)} · ${escape(p.loa.split('/').pop())}</small>`;
      return `<li><button name="person" value="${escape(p.id)}" id="person-${escape(p.id)}">${label}</button>
        <p>${escape(p.note ?? '')}</p></li>`;
    })
    .join('\n');
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}li{list-style:none;margin:1em 0}
button{font-size:1.1em;padding:.4em 1em}small{color:#555}p{margin:.2em 0;color:#444}</style></head>
<body><h1>${title}</h1><p>Testmiljö: välj den person du vill logga in som. Ingen riktig legitimering görs.</p>
<form method="post" action="/interaction/${escape(uid)}/login"><ul>${rows}</ul></form>
<p><a href="/interaction/${escape(uid)}/abort">Avbryt</a></p></body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error('too large');
  }
  return new URLSearchParams(body);
}

const handle = provider.callback();
const server = createServer(async (req, res) => {
  const match = /^\/interaction\/([A-Za-z0-9_-]+)(\/login|\/abort)?$/.exec(req.url.split('?')[0]);
  if (!match) return handle(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== match[1]) throw new Error('wrong interaction');
    if (!match[2] && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(page(details.uid));
    }
    if (match[2] === '/abort')
      return provider.interactionFinished(req, res, {
        error: 'access_denied',
        error_description: 'Avbruten',
      });
    if (match[2] === '/login' && req.method === 'POST') {
      const chosen = (await readForm(req)).get('person');
      const person = people.find((p) => p.id === chosen);
      if (!person) {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        return res.end('Okänd testperson');
      }
      const login = { accountId: person.id, ...(kind === 'personal' ? {} : { acr: person.loa }) };
      return provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
    }
    res.writeHead(405).end();
  } catch (err) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`Inloggningen kan inte fortsätta: ${err.message}`);
  }
});

server.listen(port, host, () => console.log(`OpenID-leverantör (${kind}) på ${issuer}`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
