// @ts-check
import { parse } from 'yaml'
import { deleteIn, inline, setIn } from '../yaml-edit.js'

/** @typedef {import('./choices.js').Answers} Answers */

/**
 * The template is a pipeline repository that runs as it stands; the answers
 * change named fields of a few files only. The YAML files are edited in
 * place (`yaml-edit.js`), so their comments, blank lines and quoting stay.
 */

/** The schema of the sample's job cluster: a current LTS runtime, one worker. */
const NEW_CLUSTER = {
  spark_version: '16.4.x-scala2.12',
  num_workers: 1,
  data_security_mode: 'DATA_SECURITY_MODE_AUTO'
}

/** What a profile reads when the answers name no host. */
const HOST_FROM_ENV = '${DATABRICKS_HOST}'

/**
 * `dtflw.yaml`: `pipeline`; the notebooks' extension for Python samples;
 * without samples, no sources and an empty flow.
 * @param {string} text
 * @param {Answers} answers
 */
export function patchManifest(text, answers) {
  let out = setIn(text, ['pipeline'], answers.name)
  if (!answers.samples) {
    out = deleteIn(out, ['sources'])
    return setIn(out, ['flow'], [])
  }
  if (answers.language === 'python') {
    const flow = parse(out).flow ?? []
    flow.forEach(
      (/** @type {{ notebook: string }} */ step, /** @type {number} */ i) => {
        out = setIn(
          out,
          ['flow', i, 'notebook'],
          step.notebook.replace(/\.sql$/, '.py')
        )
      }
    )
  }
  return out
}

/**
 * `profiles/<name>.yaml`: the host, compute, table layout and source
 * locations of each environment; without samples, no sources.
 * @param {string} name The profile's name (file name without `.yaml`).
 * @param {string} text
 * @param {Answers} answers
 */
export function patchProfile(name, text, answers) {
  let out = text
  if (name === 'base' && !answers.samples) {
    out = deleteIn(deleteIn(out, ['variables']), ['sources'])
  }
  const host = /** @type {Record<string, string>} */ ({
    test: answers.hostTest,
    acceptance: answers.hostAcceptance,
    production: answers.hostProduction
  })[name]
  if (host === undefined) return out
  out = setIn(out, ['workspace', 'host'], host || HOST_FROM_ENV)
  const catalog = /** @type {Record<string, string>} */ ({
    test: answers.catalogTest,
    acceptance: answers.catalogAcceptance,
    production: answers.catalogProduction
  })[name]
  if (answers.layout === 'catalog') {
    out = setIn(out, ['variables', 'catalog'], catalog)
  } else if (name === 'test') {
    out = setIn(out, ['variables'], { storage_root: answers.storageRoot })
    out = setIn(out, ['tables'], {
      layout: 'path',
      root: '${var.storage_root}/${pipeline}/${profile}',
      format: 'parquet'
    })
    if (answers.samples) {
      out = setIn(
        out,
        ['sources', 'raw_orders'],
        inline({
          path: '${var.storage_root}/landing/raw_orders.csv',
          format: 'csv'
        })
      )
    }
  } else {
    out = deleteIn(out, ['variables'])
  }
  if (name === 'test') {
    out = setIn(out, ['compute'], computeOf(answers))
    if (!answers.samples) out = deleteIn(out, ['sources'])
  }
  return out
}

/**
 * The `compute:` of the Databricks profiles.
 * @param {Answers} answers
 */
export function computeOf(answers) {
  switch (answers.compute) {
    case 'existing-cluster':
      return { existing_cluster_id: answers.clusterId }
    case 'new-cluster':
      return {
        new_cluster: {
          spark_version: NEW_CLUSTER.spark_version,
          node_type_id: answers.nodeType,
          num_workers: NEW_CLUSTER.num_workers,
          data_security_mode: NEW_CLUSTER.data_security_mode
        }
      }
    default:
      return { serverless: true }
  }
}

/**
 * `package.json`: `name`, `description`, and the dtflw version that made it.
 * @param {string} text
 * @param {Answers} answers
 * @param {string} version This package's version.
 */
export function patchPackageJson(text, answers, version) {
  const json = JSON.parse(text)
  json.name = answers.name
  json.description = answers.description
  json.devDependencies['create-dtflw-pipeline'] = `^${version}`
  return `${JSON.stringify(json, null, 2)}\n`
}

/**
 * The README's secrets of each way to sign in, after `DATABRICKS_HOST`; the
 * template holds the `oauth-m2m` ones.
 */
export const SECRET_BULLETS = /** @type {const} */ ({
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
})

/**
 * `README.md`: the title (first line), the description (third line) and
 * the secrets the workflows read.
 * @param {string} text
 * @param {Answers} answers
 */
export function patchReadme(text, answers) {
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

/**
 * `.github/workflows/*.yml`: the credential inputs of every dtflw step for
 * the way to sign in. The template passes a client id and secret; GitHub
 * OIDC passes the client id alone and lets the job ask for an ID token; a
 * personal access token replaces both.
 * @param {string} text
 * @param {Answers} answers
 */
export function patchWorkflow(text, answers) {
  if (answers.auth === 'oauth-m2m') return text
  let out = text
  const jobs = /** @type {Record<string, { steps?: { uses?: string }[] }>} */ (
    parse(text)?.jobs ?? {}
  )
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
