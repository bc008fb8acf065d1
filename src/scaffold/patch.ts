import { parse } from 'yaml'
import { deleteIn, setIn } from '../yaml-edit/index.js'
import type { Answers, Auth } from './choices.js'

/**
 * The template is a pipeline repository that runs as it stands; the answers
 * change named fields of a few files only. The YAML files are edited in
 * place (`yaml-edit/`), so their comments, blank lines and quoting stay.
 * The profiles' patch is in `patch-profile.ts`.
 */

/**
 * `dtflw.yaml`: `pipeline`; the notebooks' extension for Python samples;
 * without samples, no sources and an empty flow.
 */
export function patchManifest(text: string, answers: Answers): string {
  let out = setIn(text, ['pipeline'], answers.name)
  if (!answers.samples) {
    out = deleteIn(out, ['sources'])
    return setIn(out, ['flow'], [])
  }
  if (answers.language === 'python') {
    const flow = (parse(out) as { flow?: { notebook: string }[] }).flow ?? []
    flow.forEach((step, i) => {
      out = setIn(
        out,
        ['flow', i, 'notebook'],
        step.notebook.replace(/\.sql$/, '.py')
      )
    })
  }
  return out
}

/**
 * `package.json`: `name`, `description`, and the dtflw version that made it.
 * @param version This package's version.
 */
export function patchPackageJson(
  text: string,
  answers: Answers,
  version: string
): string {
  const json = JSON.parse(text) as {
    name: string
    description: string
    devDependencies: Record<string, string>
  }
  json.name = answers.name
  json.description = answers.description
  json.devDependencies['create-dtflw-pipeline'] = `^${version}`
  return `${JSON.stringify(json, null, 2)}\n`
}

/**
 * The README's secrets of each way to sign in, after `DATABRICKS_HOST`; the
 * template holds the `oauth-m2m` ones.
 */
export const SECRET_BULLETS: Readonly<Record<Auth, readonly string[]>> = {
  'oauth-m2m': [
    "   - `DATABRICKS_CLIENT_ID`: the service principal's application id;",
    '   - `DATABRICKS_CLIENT_SECRET`: an OAuth secret of that service principal.'
  ],
  'github-oidc': [
    "   - `DATABRICKS_CLIENT_ID`: the service principal's application id. Nothing",
    '     else is stored: each job exchanges its GitHub OIDC token for a',
    '     workspace token (the jobs have `id-token: write`). Give the service',
    '     principal a federation policy with issuer',
    '     `https://token.actions.githubusercontent.com`, audience',
    '     `<workspace URL>/oidc/v1/token` and subject',
    '     `repo:<owner>/<repo>:environment:<environment>`.'
  ],
  pat: [
    '   - `DATABRICKS_TOKEN`: a personal access token of the user or service',
    '     principal that runs the pipeline.'
  ]
}

/**
 * `README.md`: the title (first line), the description (third line) and
 * the secrets the workflows read.
 */
export function patchReadme(text: string, answers: Answers): string {
  const lines = text.split('\n')
  lines[0] = `# ${answers.name}`
  lines[2] = answers.description
  const template = SECRET_BULLETS['oauth-m2m']
  const at = lines.indexOf(template[0])
  if (at < 0 || lines[at + 1] !== template[1]) {
    throw new Error('README.md of the template lost its secrets list')
  }
  lines.splice(at, template.length, ...SECRET_BULLETS[answers.auth])
  return lines.join('\n')
}

/** The Action the workflows run, whatever version they pin. */
const DTFLW_ACTION = 'soley/dtflw-action@'

/** A workflow's jobs, as far as the patch reads them. */
type Jobs = Record<string, { steps?: { uses?: unknown }[] }>

/**
 * `.github/workflows/*.yml`: the credential inputs of every dtflw step for
 * the way to sign in. The template passes a client id and secret; GitHub
 * OIDC passes the client id alone and lets the job ask for an ID token; a
 * personal access token replaces both.
 */
export function patchWorkflow(text: string, answers: Answers): string {
  if (answers.auth === 'oauth-m2m') return text
  let out = text
  const jobs = (parse(text) as { jobs?: Jobs } | null)?.jobs ?? {}
  for (const [id, job] of Object.entries(jobs)) {
    let signsIn = false
    ;(job.steps ?? []).forEach((step, i) => {
      if (!String(step.uses ?? '').startsWith(DTFLW_ACTION)) return
      signsIn = true
      const inputs = ['jobs', id, 'steps', i, 'with']
      out = deleteIn(out, [...inputs, 'databricks-client-secret'])
      if (answers.auth === 'pat') {
        out = deleteIn(out, [...inputs, 'databricks-client-id'])
        out = setIn(
          out,
          [...inputs, 'databricks-token'],
          '${{ secrets.DATABRICKS_TOKEN }}'
        )
      }
    })
    if (signsIn && answers.auth === 'github-oidc') {
      out = setIn(out, ['jobs', id, 'permissions', 'id-token'], 'write')
    }
  }
  return out
}
