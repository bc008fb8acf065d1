/** The file extensions of notebooks in a repository, in the order a `%run` without one is looked up. */
export const NOTEBOOK_EXTENSIONS = [
  '.py',
  '.sql',
  '.scala',
  '.r',
  '.ipynb'
] as const
