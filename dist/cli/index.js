import { createRequire as __dtflwRequire } from 'node:module'; const require = __dtflwRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/diagnostics/location.ts
function formatLocation(location) {
  return `${location.file}:${location.line}:${location.column}`;
}
function formatLine(location) {
  return `${location.file}:${location.line}`;
}
var init_location = __esm({
  "src/diagnostics/location.ts"() {
    "use strict";
  }
});

// src/diagnostics/diagnostic.ts
function errorAt(code2, summary, location, extra = {}) {
  return { severity: "error", code: code2, summary, location, ...extra };
}
function warningAt(code2, summary, location, extra = {}) {
  return { severity: "warning", code: code2, summary, location, ...extra };
}
function hasErrors(diagnostics) {
  return diagnostics.some((d) => d.severity === "error");
}
function sortDiagnostics(diagnostics) {
  return [...diagnostics].sort((a, b) => {
    const fa = a.location?.file ?? "";
    const fb = b.location?.file ?? "";
    if (fa !== fb) return fa < fb ? -1 : 1;
    const la = a.location?.line ?? 0;
    const lb = b.location?.line ?? 0;
    if (la !== lb) return la - lb;
    return (a.location?.column ?? 0) - (b.location?.column ?? 0);
  });
}
var init_diagnostic = __esm({
  "src/diagnostics/diagnostic.ts"() {
    "use strict";
  }
});

// src/diagnostics/exit-codes.ts
var ExitCode;
var init_exit_codes = __esm({
  "src/diagnostics/exit-codes.ts"() {
    "use strict";
    ExitCode = {
      Success: 0,
      /** A notebook failed or an output is missing. */
      StepFailed: 1,
      /** Bad usage, manifest or profile. */
      Invalid: 2,
      /** Auth, network or API failure. */
      Platform: 3,
      /** Refused: promotion gate, deploy lock. */
      Refused: 4
    };
  }
});

// src/diagnostics/errors.ts
var DtflwError, InvalidConfigError, UsageError, UnknownProfileError, RefusedError, InternalError;
var init_errors = __esm({
  "src/diagnostics/errors.ts"() {
    "use strict";
    init_diagnostic();
    init_exit_codes();
    DtflwError = class extends Error {
    };
    InvalidConfigError = class extends DtflwError {
      constructor(diagnostics) {
        super(diagnostics.map((d) => d.summary).join("\n"));
        this.diagnostics = diagnostics;
        this.name = "InvalidConfigError";
      }
      diagnostics;
      exitCode = ExitCode.Invalid;
    };
    UsageError = class extends DtflwError {
      exitCode = ExitCode.Invalid;
      diagnostics;
      constructor(message, location) {
        super(message);
        this.name = "UsageError";
        this.diagnostics = [errorAt("usage", message, location)];
      }
    };
    UnknownProfileError = class extends DtflwError {
      constructor(profile, available, directory) {
        const list2 = available.length > 0 ? available.join(", ") : "(none)";
        const message = `profile "${profile}" does not exist in ${directory}/; the profiles are: ${list2}.`;
        super(message);
        this.profile = profile;
        this.available = available;
        this.directory = directory;
        this.name = "UnknownProfileError";
        this.diagnostics = [errorAt("unknown-profile", message)];
      }
      profile;
      available;
      directory;
      exitCode = ExitCode.Invalid;
      diagnostics;
    };
    RefusedError = class extends DtflwError {
      exitCode = ExitCode.Refused;
      diagnostics;
      constructor(message) {
        super(message);
        this.name = "RefusedError";
        this.diagnostics = [errorAt("refused", message)];
      }
    };
    InternalError = class extends DtflwError {
      exitCode = ExitCode.Invalid;
      diagnostics;
      constructor(message, options) {
        super(message, options);
        this.name = "InternalError";
        this.diagnostics = [
          errorAt(
            "internal",
            `internal error: ${message}. This is a bug in dtflw; please report it with the output of --debug.`
          )
        ];
      }
    };
  }
});

// src/diagnostics/format.ts
function formatText(d) {
  const where = d.location ? `${formatLocation(d.location)}: ` : "";
  const head = `${where}${d.severity}: ${d.summary}`;
  if (!d.detail) return head;
  const detail = d.detail.split("\n").map((line) => `  ${line}`).join("\n");
  return `${head}
${detail}`;
}
function toJson(d) {
  return {
    severity: d.severity,
    code: d.code,
    summary: d.summary,
    ...d.detail ? { detail: d.detail } : {},
    ...d.location ? { location: { ...d.location } } : {},
    ...d.path ? { path: d.path } : {}
  };
}
var init_format = __esm({
  "src/diagnostics/format.ts"() {
    "use strict";
    init_location();
  }
});

// src/diagnostics/suggest.ts
function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + cost
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}
function suggest(name, candidates) {
  const max = Math.max(1, Math.floor(name.length / 3));
  let best;
  let bestDistance = max + 1;
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase(), max);
    if (d < bestDistance || d === bestDistance && best && candidate < best) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= max ? best : void 0;
}
function didYouMean(name, candidates) {
  const s = suggest(name, candidates);
  return s ? ` did you mean "${s}"?` : "";
}
var init_suggest = __esm({
  "src/diagnostics/suggest.ts"() {
    "use strict";
  }
});

// src/diagnostics/mask.ts
function createMasker(values = []) {
  const secrets = /* @__PURE__ */ new Set();
  let ordered = [];
  const add = (value) => {
    if (value.length < MIN_SECRET_LENGTH) return;
    const escaped = JSON.stringify(value).slice(1, -1);
    const before = secrets.size;
    secrets.add(value);
    secrets.add(escaped);
    if (secrets.size !== before) {
      ordered = [...secrets].sort((a, b) => b.length - a.length);
    }
  };
  for (const value of values) add(value);
  return {
    add,
    mask(text2) {
      let out = text2;
      for (const secret of ordered) {
        if (out.includes(secret)) out = out.split(secret).join(MASK);
      }
      return out;
    },
    get active() {
      return secrets.size > 0;
    }
  };
}
var MASK, MIN_SECRET_LENGTH;
var init_mask = __esm({
  "src/diagnostics/mask.ts"() {
    "use strict";
    MASK = "***";
    MIN_SECRET_LENGTH = 4;
  }
});

// src/diagnostics/index.ts
var init_diagnostics = __esm({
  "src/diagnostics/index.ts"() {
    "use strict";
    init_location();
    init_diagnostic();
    init_exit_codes();
    init_errors();
    init_format();
    init_suggest();
    init_mask();
  }
});

// src/io/atomic-write.ts
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
function temporarySibling(target) {
  const dir = path.dirname(target);
  const base = path.basename(target);
  return path.join(dir, `.${base}.${randomBytes(6).toString("hex")}.tmp`);
}
async function writeFileAtomic(target, content) {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = temporarySibling(target);
  try {
    await writeFile(temporary, content);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
var init_atomic_write = __esm({
  "src/io/atomic-write.ts"() {
    "use strict";
  }
});

// src/io/hash.ts
import { createHash } from "node:crypto";
function sha256(content) {
  return createHash("sha256").update(content).digest("hex");
}
function stableHash(value) {
  return sha256(stableStringify(value));
}
function stableStringify(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
}
var init_hash = __esm({
  "src/io/hash.ts"() {
    "use strict";
  }
});

// src/io/concurrency.ts
var init_concurrency = __esm({
  "src/io/concurrency.ts"() {
    "use strict";
  }
});

// src/io/git.ts
import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path2 from "node:path";
import { promisify } from "node:util";
async function tryReadGitSha(cwd, env) {
  if (env.GITHUB_SHA) return env.GITHUB_SHA;
  try {
    const { stdout } = await run("git", ["rev-parse", "HEAD"], { cwd });
    return stdout.trim() || void 0;
  } catch {
    return void 0;
  }
}
async function tryGitTopLevel(cwd) {
  try {
    const { stdout } = await run("git", ["rev-parse", "--show-toplevel"], {
      cwd
    });
    return stdout.trim() || void 0;
  } catch {
    return void 0;
  }
}
async function checkoutRefToTemp(cwd, ref) {
  const top = await tryGitTopLevel(cwd);
  if (!top) return { error: `${cwd} is not inside a git repository` };
  try {
    await run("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], {
      cwd
    });
  } catch {
    return {
      error: `git does not know the ref "${ref}" (fetch it first, e.g. git fetch origin ${ref})`
    };
  }
  const dir = await mkdtemp(path2.join(os.tmpdir(), "dtflw-base-"));
  await new Promise((resolve, reject) => {
    const archive = execFile("git", ["archive", "--format=tar", ref], {
      cwd: top,
      encoding: "buffer",
      maxBuffer: 1024 * 1024 * 1024
    });
    const untar = execFile(
      "tar",
      ["-x", "-C", dir],
      (error) => error ? reject(error) : resolve()
    );
    archive.stdout?.pipe(untar.stdin);
    archive.on("error", reject);
  });
  const inside2 = path2.relative(top, cwd);
  return { dir: path2.join(dir, inside2), top: dir };
}
var run;
var init_git = __esm({
  "src/io/git.ts"() {
    "use strict";
    run = promisify(execFile);
  }
});

// src/io/files.ts
import { access, readFile, stat } from "node:fs/promises";
import path3 from "node:path";
async function pathExists(p) {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}
async function tryReadText(file) {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
}
function toPosixRelative(root, p) {
  const relative = path3.relative(root, p) || ".";
  return relative.split(path3.sep).join("/");
}
var init_files = __esm({
  "src/io/files.ts"() {
    "use strict";
  }
});

// src/io/index.ts
var init_io = __esm({
  "src/io/index.ts"() {
    "use strict";
    init_atomic_write();
    init_hash();
    init_concurrency();
    init_git();
    init_files();
  }
});

// ../../main/node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "../../main/node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar3(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap3;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar3;
    exports.isSeq = isSeq3;
  }
});

// ../../main/node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "../../main/node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path34) {
      const ctrl = callVisitor(key, node, visitor, path34);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path34, ctrl);
        return visit_(key, ctrl, visitor, path34);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path34 = Object.freeze(path34.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path34);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path34 = Object.freeze(path34.concat(node));
          const ck = visit_("key", node.key, visitor, path34);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path34);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path34) {
      const ctrl = await callVisitor(key, node, visitor, path34);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path34, ctrl);
        return visitAsync_(key, ctrl, visitor, path34);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path34 = Object.freeze(path34.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path34);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path34 = Object.freeze(path34.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path34);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path34);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path34) {
      if (typeof visitor === "function")
        return visitor(key, node, path34);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path34);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path34);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path34);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path34);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path34);
      return void 0;
    }
    function replaceNode(key, path34, node) {
      const parent = path34[path34.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// ../../main/node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "../../main/node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// ../../main/node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "../../main/node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// ../../main/node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "../../main/node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// ../../main/node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "../../main/node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// ../../main/node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "../../main/node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// ../../main/node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "../../main/node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// ../../main/node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "../../main/node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// ../../main/node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "../../main/node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// ../../main/node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "../../main/node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path34, value) {
      let v = value;
      for (let i = path34.length - 1; i >= 0; --i) {
        const k = path34[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path34) => path34 == null || typeof path34 === "object" && !!path34[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path34, value) {
        if (isEmptyPath(path34))
          this.add(value);
        else {
          const [key, ...rest] = path34;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path34) {
        const [key, ...rest] = path34;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path34, keepScalar) {
        const [key, ...rest] = path34;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path34) {
        const [key, ...rest] = path34;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path34, value) {
        const [key, ...rest] = path34;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// ../../main/node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "../../main/node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// ../../main/node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "../../main/node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text2;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text2.length <= endStep)
        return text2;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text2, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text2[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text2, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text2;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text2;
      if (onFold)
        onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text2.length;
        if (fold === 0)
          res = `
${indent}${text2.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text2[fold]}\\`;
          res += `
${indent}${text2.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text2, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text2[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text2[++i];
        } else {
          do {
            ch = text2[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text2[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// ../../main/node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "../../main/node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code2 = json.substr(i + 2, 4);
                switch (code2) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code2.substr(0, 2) === "00")
                      str += "\\x" + code2.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal2 = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal2 ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal2) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// ../../main/node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "../../main/node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// ../../main/node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "../../main/node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// ../../main/node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "../../main/node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// ../../main/node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "../../main/node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// ../../main/node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "../../main/node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// ../../main/node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "../../main/node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// ../../main/node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "../../main/node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// ../../main/node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "../../main/node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// ../../main/node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "../../main/node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// ../../main/node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "../../main/node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// ../../main/node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "../../main/node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// ../../main/node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "../../main/node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// ../../main/node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "../../main/node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// ../../main/node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "../../main/node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// ../../main/node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "../../main/node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// ../../main/node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "../../main/node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// ../../main/node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "../../main/node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// ../../main/node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "../../main/node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// ../../main/node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "../../main/node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// ../../main/node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "../../main/node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// ../../main/node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "../../main/node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// ../../main/node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "../../main/node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// ../../main/node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "../../main/node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// ../../main/node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "../../main/node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// ../../main/node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "../../main/node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// ../../main/node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "../../main/node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// ../../main/node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "../../main/node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// ../../main/node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "../../main/node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// ../../main/node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "../../main/node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// ../../main/node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "../../main/node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// ../../main/node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "../../main/node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// ../../main/node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "../../main/node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path34, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path34, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path34) {
        if (Collection.isEmptyPath(path34)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path34) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path34, keepScalar) {
        if (Collection.isEmptyPath(path34))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path34, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path34) {
        if (Collection.isEmptyPath(path34))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path34) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path34, value) {
        if (Collection.isEmptyPath(path34)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path34), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path34, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// ../../main/node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "../../main/node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code2, message) {
        super();
        this.name = name;
        this.code = code2;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLParseError", pos, code2, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLWarning", pos, code2, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// ../../main/node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "../../main/node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// ../../main/node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "../../main/node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// ../../main/node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "../../main/node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// ../../main/node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "../../main/node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// ../../main/node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "../../main/node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd2 = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd2 = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd2 && commentEnd2 < offset)
        onError(commentEnd2, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd2 ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// ../../main/node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "../../main/node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd2 = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd2 = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd2 ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// ../../main/node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "../../main/node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// ../../main/node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "../../main/node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap3 = fc.start.source === "{";
      const fcName = isMap3 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap3 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap3 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap3 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap3 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap3) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap3 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// ../../main/node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "../../main/node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// ../../main/node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "../../main/node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines2(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines2(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// ../../main/node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "../../main/node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code2, msg) => onError(offset + rel, code2, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code2 = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code2);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// ../../main/node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "../../main/node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// ../../main/node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "../../main/node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// ../../main/node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "../../main/node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// ../../main/node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "../../main/node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// ../../main/node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "../../main/node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code2, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code2, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code2, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// ../../main/node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "../../main/node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code2, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code2, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code2, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// ../../main/node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "../../main/node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// ../../main/node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "../../main/node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path34) => {
      let item = cst;
      for (const [field, index] of path34) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path34) => {
      const parent = visit.itemAtPath(cst, path34.slice(0, -1));
      const field = path34[path34.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path34, item, visitor) {
      let ctrl = visitor(item, path34);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path34.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path34);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path34) : ctrl;
    }
    exports.visit = visit;
  }
});

// ../../main/node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "../../main/node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM2 = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar3 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM2:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM2:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM2;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar3;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// ../../main/node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "../../main/node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// ../../main/node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "../../main/node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter3 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter3;
  }
});

// ../../main/node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "../../main/node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list2, type) {
      for (let i = 0; i < list2.length; ++i)
        if (list2[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list2) {
      for (let i = 0; i < list2.length; ++i) {
        switch (list2[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// ../../main/node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "../../main/node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument3(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument3(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument3;
    exports.stringify = stringify;
  }
});

// ../../main/node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "../../main/node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// ../../main/node_modules/ajv/dist/compile/codegen/code.js
var require_code = __commonJS({
  "../../main/node_modules/ajv/dist/compile/codegen/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.regexpCode = exports.getEsmExportName = exports.getProperty = exports.safeStringify = exports.stringify = exports.strConcat = exports.addCodeArg = exports.str = exports._ = exports.nil = exports._Code = exports.Name = exports.IDENTIFIER = exports._CodeOrName = void 0;
    var _CodeOrName = class {
    };
    exports._CodeOrName = _CodeOrName;
    exports.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
    var Name = class extends _CodeOrName {
      constructor(s) {
        super();
        if (!exports.IDENTIFIER.test(s))
          throw new Error("CodeGen: name must be a valid identifier");
        this.str = s;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        return false;
      }
      get names() {
        return { [this.str]: 1 };
      }
    };
    exports.Name = Name;
    var _Code = class extends _CodeOrName {
      constructor(code2) {
        super();
        this._items = typeof code2 === "string" ? [code2] : code2;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        if (this._items.length > 1)
          return false;
        const item = this._items[0];
        return item === "" || item === '""';
      }
      get str() {
        var _a;
        return (_a = this._str) !== null && _a !== void 0 ? _a : this._str = this._items.reduce((s, c) => `${s}${c}`, "");
      }
      get names() {
        var _a;
        return (_a = this._names) !== null && _a !== void 0 ? _a : this._names = this._items.reduce((names, c) => {
          if (c instanceof Name)
            names[c.str] = (names[c.str] || 0) + 1;
          return names;
        }, {});
      }
    };
    exports._Code = _Code;
    exports.nil = new _Code("");
    function _(strs, ...args) {
      const code2 = [strs[0]];
      let i = 0;
      while (i < args.length) {
        addCodeArg(code2, args[i]);
        code2.push(strs[++i]);
      }
      return new _Code(code2);
    }
    exports._ = _;
    var plus = new _Code("+");
    function str(strs, ...args) {
      const expr = [safeStringify(strs[0])];
      let i = 0;
      while (i < args.length) {
        expr.push(plus);
        addCodeArg(expr, args[i]);
        expr.push(plus, safeStringify(strs[++i]));
      }
      optimize(expr);
      return new _Code(expr);
    }
    exports.str = str;
    function addCodeArg(code2, arg) {
      if (arg instanceof _Code)
        code2.push(...arg._items);
      else if (arg instanceof Name)
        code2.push(arg);
      else
        code2.push(interpolate(arg));
    }
    exports.addCodeArg = addCodeArg;
    function optimize(expr) {
      let i = 1;
      while (i < expr.length - 1) {
        if (expr[i] === plus) {
          const res = mergeExprItems(expr[i - 1], expr[i + 1]);
          if (res !== void 0) {
            expr.splice(i - 1, 3, res);
            continue;
          }
          expr[i++] = "+";
        }
        i++;
      }
    }
    function mergeExprItems(a, b) {
      if (b === '""')
        return a;
      if (a === '""')
        return b;
      if (typeof a == "string") {
        if (b instanceof Name || a[a.length - 1] !== '"')
          return;
        if (typeof b != "string")
          return `${a.slice(0, -1)}${b}"`;
        if (b[0] === '"')
          return a.slice(0, -1) + b.slice(1);
        return;
      }
      if (typeof b == "string" && b[0] === '"' && !(a instanceof Name))
        return `"${a}${b.slice(1)}`;
      return;
    }
    function strConcat(c1, c2) {
      return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str`${c1}${c2}`;
    }
    exports.strConcat = strConcat;
    function interpolate(x) {
      return typeof x == "number" || typeof x == "boolean" || x === null ? x : safeStringify(Array.isArray(x) ? x.join(",") : x);
    }
    function stringify(x) {
      return new _Code(safeStringify(x));
    }
    exports.stringify = stringify;
    function safeStringify(x) {
      return JSON.stringify(x).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
    }
    exports.safeStringify = safeStringify;
    function getProperty(key) {
      return typeof key == "string" && exports.IDENTIFIER.test(key) ? new _Code(`.${key}`) : _`[${key}]`;
    }
    exports.getProperty = getProperty;
    function getEsmExportName(key) {
      if (typeof key == "string" && exports.IDENTIFIER.test(key)) {
        return new _Code(`${key}`);
      }
      throw new Error(`CodeGen: invalid export name: ${key}, use explicit $id name mapping`);
    }
    exports.getEsmExportName = getEsmExportName;
    function regexpCode(rx) {
      return new _Code(rx.toString());
    }
    exports.regexpCode = regexpCode;
  }
});

// ../../main/node_modules/ajv/dist/compile/codegen/scope.js
var require_scope = __commonJS({
  "../../main/node_modules/ajv/dist/compile/codegen/scope.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ValueScope = exports.ValueScopeName = exports.Scope = exports.varKinds = exports.UsedValueState = void 0;
    var code_1 = require_code();
    var ValueError = class extends Error {
      constructor(name) {
        super(`CodeGen: "code" for ${name} not defined`);
        this.value = name.value;
      }
    };
    var UsedValueState;
    (function(UsedValueState2) {
      UsedValueState2[UsedValueState2["Started"] = 0] = "Started";
      UsedValueState2[UsedValueState2["Completed"] = 1] = "Completed";
    })(UsedValueState || (exports.UsedValueState = UsedValueState = {}));
    exports.varKinds = {
      const: new code_1.Name("const"),
      let: new code_1.Name("let"),
      var: new code_1.Name("var")
    };
    var Scope = class {
      constructor({ prefixes, parent } = {}) {
        this._names = {};
        this._prefixes = prefixes;
        this._parent = parent;
      }
      toName(nameOrPrefix) {
        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
      }
      name(prefix) {
        return new code_1.Name(this._newName(prefix));
      }
      _newName(prefix) {
        const ng = this._names[prefix] || this._nameGroup(prefix);
        return `${prefix}${ng.index++}`;
      }
      _nameGroup(prefix) {
        var _a, _b;
        if (((_b = (_a = this._parent) === null || _a === void 0 ? void 0 : _a._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix)) || this._prefixes && !this._prefixes.has(prefix)) {
          throw new Error(`CodeGen: prefix "${prefix}" is not allowed in this scope`);
        }
        return this._names[prefix] = { prefix, index: 0 };
      }
    };
    exports.Scope = Scope;
    var ValueScopeName = class extends code_1.Name {
      constructor(prefix, nameStr) {
        super(nameStr);
        this.prefix = prefix;
      }
      setValue(value, { property, itemIndex }) {
        this.value = value;
        this.scopePath = (0, code_1._)`.${new code_1.Name(property)}[${itemIndex}]`;
      }
    };
    exports.ValueScopeName = ValueScopeName;
    var line = (0, code_1._)`\n`;
    var ValueScope = class extends Scope {
      constructor(opts) {
        super(opts);
        this._values = {};
        this._scope = opts.scope;
        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
      }
      get() {
        return this._scope;
      }
      name(prefix) {
        return new ValueScopeName(prefix, this._newName(prefix));
      }
      value(nameOrPrefix, value) {
        var _a;
        if (value.ref === void 0)
          throw new Error("CodeGen: ref must be passed in value");
        const name = this.toName(nameOrPrefix);
        const { prefix } = name;
        const valueKey = (_a = value.key) !== null && _a !== void 0 ? _a : value.ref;
        let vs = this._values[prefix];
        if (vs) {
          const _name = vs.get(valueKey);
          if (_name)
            return _name;
        } else {
          vs = this._values[prefix] = /* @__PURE__ */ new Map();
        }
        vs.set(valueKey, name);
        const s = this._scope[prefix] || (this._scope[prefix] = []);
        const itemIndex = s.length;
        s[itemIndex] = value.ref;
        name.setValue(value, { property: prefix, itemIndex });
        return name;
      }
      getValue(prefix, keyOrRef) {
        const vs = this._values[prefix];
        if (!vs)
          return;
        return vs.get(keyOrRef);
      }
      scopeRefs(scopeName, values = this._values) {
        return this._reduceValues(values, (name) => {
          if (name.scopePath === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return (0, code_1._)`${scopeName}${name.scopePath}`;
        });
      }
      scopeCode(values = this._values, usedValues, getCode) {
        return this._reduceValues(values, (name) => {
          if (name.value === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return name.value.code;
        }, usedValues, getCode);
      }
      _reduceValues(values, valueCode, usedValues = {}, getCode) {
        let code2 = code_1.nil;
        for (const prefix in values) {
          const vs = values[prefix];
          if (!vs)
            continue;
          const nameSet = usedValues[prefix] = usedValues[prefix] || /* @__PURE__ */ new Map();
          vs.forEach((name) => {
            if (nameSet.has(name))
              return;
            nameSet.set(name, UsedValueState.Started);
            let c = valueCode(name);
            if (c) {
              const def = this.opts.es5 ? exports.varKinds.var : exports.varKinds.const;
              code2 = (0, code_1._)`${code2}${def} ${name} = ${c};${this.opts._n}`;
            } else if (c = getCode === null || getCode === void 0 ? void 0 : getCode(name)) {
              code2 = (0, code_1._)`${code2}${c}${this.opts._n}`;
            } else {
              throw new ValueError(name);
            }
            nameSet.set(name, UsedValueState.Completed);
          });
        }
        return code2;
      }
    };
    exports.ValueScope = ValueScope;
  }
});

// ../../main/node_modules/ajv/dist/compile/codegen/index.js
var require_codegen = __commonJS({
  "../../main/node_modules/ajv/dist/compile/codegen/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.or = exports.and = exports.not = exports.CodeGen = exports.operators = exports.varKinds = exports.ValueScopeName = exports.ValueScope = exports.Scope = exports.Name = exports.regexpCode = exports.stringify = exports.getProperty = exports.nil = exports.strConcat = exports.str = exports._ = void 0;
    var code_1 = require_code();
    var scope_1 = require_scope();
    var code_2 = require_code();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return code_2._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return code_2.str;
    } });
    Object.defineProperty(exports, "strConcat", { enumerable: true, get: function() {
      return code_2.strConcat;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return code_2.nil;
    } });
    Object.defineProperty(exports, "getProperty", { enumerable: true, get: function() {
      return code_2.getProperty;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return code_2.stringify;
    } });
    Object.defineProperty(exports, "regexpCode", { enumerable: true, get: function() {
      return code_2.regexpCode;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return code_2.Name;
    } });
    var scope_2 = require_scope();
    Object.defineProperty(exports, "Scope", { enumerable: true, get: function() {
      return scope_2.Scope;
    } });
    Object.defineProperty(exports, "ValueScope", { enumerable: true, get: function() {
      return scope_2.ValueScope;
    } });
    Object.defineProperty(exports, "ValueScopeName", { enumerable: true, get: function() {
      return scope_2.ValueScopeName;
    } });
    Object.defineProperty(exports, "varKinds", { enumerable: true, get: function() {
      return scope_2.varKinds;
    } });
    exports.operators = {
      GT: new code_1._Code(">"),
      GTE: new code_1._Code(">="),
      LT: new code_1._Code("<"),
      LTE: new code_1._Code("<="),
      EQ: new code_1._Code("==="),
      NEQ: new code_1._Code("!=="),
      NOT: new code_1._Code("!"),
      OR: new code_1._Code("||"),
      AND: new code_1._Code("&&"),
      ADD: new code_1._Code("+")
    };
    var Node = class {
      optimizeNodes() {
        return this;
      }
      optimizeNames(_names, _constants) {
        return this;
      }
    };
    var Def = class extends Node {
      constructor(varKind, name, rhs) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.rhs = rhs;
      }
      render({ es5, _n }) {
        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
        const rhs = this.rhs === void 0 ? "" : ` = ${this.rhs}`;
        return `${varKind} ${this.name}${rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (!names[this.name.str])
          return;
        if (this.rhs)
          this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
      }
    };
    var Assign = class extends Node {
      constructor(lhs, rhs, sideEffects) {
        super();
        this.lhs = lhs;
        this.rhs = rhs;
        this.sideEffects = sideEffects;
      }
      render({ _n }) {
        return `${this.lhs} = ${this.rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
          return;
        this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        const names = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
        return addExprNames(names, this.rhs);
      }
    };
    var AssignOp = class extends Assign {
      constructor(lhs, op, rhs, sideEffects) {
        super(lhs, rhs, sideEffects);
        this.op = op;
      }
      render({ _n }) {
        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
      }
    };
    var Label = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        return `${this.label}:` + _n;
      }
    };
    var Break = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        const label = this.label ? ` ${this.label}` : "";
        return `break${label};` + _n;
      }
    };
    var Throw = class extends Node {
      constructor(error) {
        super();
        this.error = error;
      }
      render({ _n }) {
        return `throw ${this.error};` + _n;
      }
      get names() {
        return this.error.names;
      }
    };
    var AnyCode = class extends Node {
      constructor(code2) {
        super();
        this.code = code2;
      }
      render({ _n }) {
        return `${this.code};` + _n;
      }
      optimizeNodes() {
        return `${this.code}` ? this : void 0;
      }
      optimizeNames(names, constants) {
        this.code = optimizeExpr(this.code, names, constants);
        return this;
      }
      get names() {
        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
      }
    };
    var ParentNode = class extends Node {
      constructor(nodes = []) {
        super();
        this.nodes = nodes;
      }
      render(opts) {
        return this.nodes.reduce((code2, n) => code2 + n.render(opts), "");
      }
      optimizeNodes() {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i].optimizeNodes();
          if (Array.isArray(n))
            nodes.splice(i, 1, ...n);
          else if (n)
            nodes[i] = n;
          else
            nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      optimizeNames(names, constants) {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i];
          if (n.optimizeNames(names, constants))
            continue;
          subtractNames(names, n.names);
          nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      get names() {
        return this.nodes.reduce((names, n) => addNames(names, n.names), {});
      }
    };
    var BlockNode = class extends ParentNode {
      render(opts) {
        return "{" + opts._n + super.render(opts) + "}" + opts._n;
      }
    };
    var Root = class extends ParentNode {
    };
    var Else = class extends BlockNode {
    };
    Else.kind = "else";
    var If = class _If extends BlockNode {
      constructor(condition, nodes) {
        super(nodes);
        this.condition = condition;
      }
      render(opts) {
        let code2 = `if(${this.condition})` + super.render(opts);
        if (this.else)
          code2 += "else " + this.else.render(opts);
        return code2;
      }
      optimizeNodes() {
        super.optimizeNodes();
        const cond = this.condition;
        if (cond === true)
          return this.nodes;
        let e = this.else;
        if (e) {
          const ns = e.optimizeNodes();
          e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
        }
        if (e) {
          if (cond === false)
            return e instanceof _If ? e : e.nodes;
          if (this.nodes.length)
            return this;
          return new _If(not(cond), e instanceof _If ? [e] : e.nodes);
        }
        if (cond === false || !this.nodes.length)
          return void 0;
        return this;
      }
      optimizeNames(names, constants) {
        var _a;
        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        if (!(super.optimizeNames(names, constants) || this.else))
          return;
        this.condition = optimizeExpr(this.condition, names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        addExprNames(names, this.condition);
        if (this.else)
          addNames(names, this.else.names);
        return names;
      }
    };
    If.kind = "if";
    var For = class extends BlockNode {
    };
    For.kind = "for";
    var ForLoop = class extends For {
      constructor(iteration) {
        super();
        this.iteration = iteration;
      }
      render(opts) {
        return `for(${this.iteration})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iteration = optimizeExpr(this.iteration, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iteration.names);
      }
    };
    var ForRange = class extends For {
      constructor(varKind, name, from, to) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.from = from;
        this.to = to;
      }
      render(opts) {
        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
        const { name, from, to } = this;
        return `for(${varKind} ${name}=${from}; ${name}<${to}; ${name}++)` + super.render(opts);
      }
      get names() {
        const names = addExprNames(super.names, this.from);
        return addExprNames(names, this.to);
      }
    };
    var ForIter = class extends For {
      constructor(loop, varKind, name, iterable) {
        super();
        this.loop = loop;
        this.varKind = varKind;
        this.name = name;
        this.iterable = iterable;
      }
      render(opts) {
        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iterable = optimizeExpr(this.iterable, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iterable.names);
      }
    };
    var Func = class extends BlockNode {
      constructor(name, args, async) {
        super();
        this.name = name;
        this.args = args;
        this.async = async;
      }
      render(opts) {
        const _async = this.async ? "async " : "";
        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
      }
    };
    Func.kind = "func";
    var Return = class extends ParentNode {
      render(opts) {
        return "return " + super.render(opts);
      }
    };
    Return.kind = "return";
    var Try = class extends BlockNode {
      render(opts) {
        let code2 = "try" + super.render(opts);
        if (this.catch)
          code2 += this.catch.render(opts);
        if (this.finally)
          code2 += this.finally.render(opts);
        return code2;
      }
      optimizeNodes() {
        var _a, _b;
        super.optimizeNodes();
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
        return this;
      }
      optimizeNames(names, constants) {
        var _a, _b;
        super.optimizeNames(names, constants);
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        if (this.catch)
          addNames(names, this.catch.names);
        if (this.finally)
          addNames(names, this.finally.names);
        return names;
      }
    };
    var Catch = class extends BlockNode {
      constructor(error) {
        super();
        this.error = error;
      }
      render(opts) {
        return `catch(${this.error})` + super.render(opts);
      }
    };
    Catch.kind = "catch";
    var Finally = class extends BlockNode {
      render(opts) {
        return "finally" + super.render(opts);
      }
    };
    Finally.kind = "finally";
    var CodeGen = class {
      constructor(extScope, opts = {}) {
        this._values = {};
        this._blockStarts = [];
        this._constants = {};
        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
        this._extScope = extScope;
        this._scope = new scope_1.Scope({ parent: extScope });
        this._nodes = [new Root()];
      }
      toString() {
        return this._root.render(this.opts);
      }
      // returns unique name in the internal scope
      name(prefix) {
        return this._scope.name(prefix);
      }
      // reserves unique name in the external scope
      scopeName(prefix) {
        return this._extScope.name(prefix);
      }
      // reserves unique name in the external scope and assigns value to it
      scopeValue(prefixOrName, value) {
        const name = this._extScope.value(prefixOrName, value);
        const vs = this._values[name.prefix] || (this._values[name.prefix] = /* @__PURE__ */ new Set());
        vs.add(name);
        return name;
      }
      getScopeValue(prefix, keyOrRef) {
        return this._extScope.getValue(prefix, keyOrRef);
      }
      // return code that assigns values in the external scope to the names that are used internally
      // (same names that were returned by gen.scopeName or gen.scopeValue)
      scopeRefs(scopeName) {
        return this._extScope.scopeRefs(scopeName, this._values);
      }
      scopeCode() {
        return this._extScope.scopeCode(this._values);
      }
      _def(varKind, nameOrPrefix, rhs, constant) {
        const name = this._scope.toName(nameOrPrefix);
        if (rhs !== void 0 && constant)
          this._constants[name.str] = rhs;
        this._leafNode(new Def(varKind, name, rhs));
        return name;
      }
      // `const` declaration (`var` in es5 mode)
      const(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
      }
      // `let` declaration with optional assignment (`var` in es5 mode)
      let(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
      }
      // `var` declaration with optional assignment
      var(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
      }
      // assignment code
      assign(lhs, rhs, sideEffects) {
        return this._leafNode(new Assign(lhs, rhs, sideEffects));
      }
      // `+=` code
      add(lhs, rhs) {
        return this._leafNode(new AssignOp(lhs, exports.operators.ADD, rhs));
      }
      // appends passed SafeExpr to code or executes Block
      code(c) {
        if (typeof c == "function")
          c();
        else if (c !== code_1.nil)
          this._leafNode(new AnyCode(c));
        return this;
      }
      // returns code for object literal for the passed argument list of key-value pairs
      object(...keyValues) {
        const code2 = ["{"];
        for (const [key, value] of keyValues) {
          if (code2.length > 1)
            code2.push(",");
          code2.push(key);
          if (key !== value || this.opts.es5) {
            code2.push(":");
            (0, code_1.addCodeArg)(code2, value);
          }
        }
        code2.push("}");
        return new code_1._Code(code2);
      }
      // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
      if(condition, thenBody, elseBody) {
        this._blockNode(new If(condition));
        if (thenBody && elseBody) {
          this.code(thenBody).else().code(elseBody).endIf();
        } else if (thenBody) {
          this.code(thenBody).endIf();
        } else if (elseBody) {
          throw new Error('CodeGen: "else" body without "then" body');
        }
        return this;
      }
      // `else if` clause - invalid without `if` or after `else` clauses
      elseIf(condition) {
        return this._elseNode(new If(condition));
      }
      // `else` clause - only valid after `if` or `else if` clauses
      else() {
        return this._elseNode(new Else());
      }
      // end `if` statement (needed if gen.if was used only with condition)
      endIf() {
        return this._endBlockNode(If, Else);
      }
      _for(node, forBody) {
        this._blockNode(node);
        if (forBody)
          this.code(forBody).endFor();
        return this;
      }
      // a generic `for` clause (or statement if `forBody` is passed)
      for(iteration, forBody) {
        return this._for(new ForLoop(iteration), forBody);
      }
      // `for` statement for a range of values
      forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForRange(varKind, name, from, to), () => forBody(name));
      }
      // `for-of` statement (in es5 mode replace with a normal for loop)
      forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
        const name = this._scope.toName(nameOrPrefix);
        if (this.opts.es5) {
          const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
          return this.forRange("_i", 0, (0, code_1._)`${arr}.length`, (i) => {
            this.var(name, (0, code_1._)`${arr}[${i}]`);
            forBody(name);
          });
        }
        return this._for(new ForIter("of", varKind, name, iterable), () => forBody(name));
      }
      // `for-in` statement.
      // With option `ownProperties` replaced with a `for-of` loop for object keys
      forIn(nameOrPrefix, obj, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
        if (this.opts.ownProperties) {
          return this.forOf(nameOrPrefix, (0, code_1._)`Object.keys(${obj})`, forBody);
        }
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForIter("in", varKind, name, obj), () => forBody(name));
      }
      // end `for` loop
      endFor() {
        return this._endBlockNode(For);
      }
      // `label` statement
      label(label) {
        return this._leafNode(new Label(label));
      }
      // `break` statement
      break(label) {
        return this._leafNode(new Break(label));
      }
      // `return` statement
      return(value) {
        const node = new Return();
        this._blockNode(node);
        this.code(value);
        if (node.nodes.length !== 1)
          throw new Error('CodeGen: "return" should have one node');
        return this._endBlockNode(Return);
      }
      // `try` statement
      try(tryBody, catchCode, finallyCode) {
        if (!catchCode && !finallyCode)
          throw new Error('CodeGen: "try" without "catch" and "finally"');
        const node = new Try();
        this._blockNode(node);
        this.code(tryBody);
        if (catchCode) {
          const error = this.name("e");
          this._currNode = node.catch = new Catch(error);
          catchCode(error);
        }
        if (finallyCode) {
          this._currNode = node.finally = new Finally();
          this.code(finallyCode);
        }
        return this._endBlockNode(Catch, Finally);
      }
      // `throw` statement
      throw(error) {
        return this._leafNode(new Throw(error));
      }
      // start self-balancing block
      block(body, nodeCount) {
        this._blockStarts.push(this._nodes.length);
        if (body)
          this.code(body).endBlock(nodeCount);
        return this;
      }
      // end the current self-balancing block
      endBlock(nodeCount) {
        const len = this._blockStarts.pop();
        if (len === void 0)
          throw new Error("CodeGen: not in self-balancing block");
        const toClose = this._nodes.length - len;
        if (toClose < 0 || nodeCount !== void 0 && toClose !== nodeCount) {
          throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
        }
        this._nodes.length = len;
        return this;
      }
      // `function` heading (or definition if funcBody is passed)
      func(name, args = code_1.nil, async, funcBody) {
        this._blockNode(new Func(name, args, async));
        if (funcBody)
          this.code(funcBody).endFunc();
        return this;
      }
      // end function definition
      endFunc() {
        return this._endBlockNode(Func);
      }
      optimize(n = 1) {
        while (n-- > 0) {
          this._root.optimizeNodes();
          this._root.optimizeNames(this._root.names, this._constants);
        }
      }
      _leafNode(node) {
        this._currNode.nodes.push(node);
        return this;
      }
      _blockNode(node) {
        this._currNode.nodes.push(node);
        this._nodes.push(node);
      }
      _endBlockNode(N1, N2) {
        const n = this._currNode;
        if (n instanceof N1 || N2 && n instanceof N2) {
          this._nodes.pop();
          return this;
        }
        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
      }
      _elseNode(node) {
        const n = this._currNode;
        if (!(n instanceof If)) {
          throw new Error('CodeGen: "else" without "if"');
        }
        this._currNode = n.else = node;
        return this;
      }
      get _root() {
        return this._nodes[0];
      }
      get _currNode() {
        const ns = this._nodes;
        return ns[ns.length - 1];
      }
      set _currNode(node) {
        const ns = this._nodes;
        ns[ns.length - 1] = node;
      }
    };
    exports.CodeGen = CodeGen;
    function addNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) + (from[n] || 0);
      return names;
    }
    function addExprNames(names, from) {
      return from instanceof code_1._CodeOrName ? addNames(names, from.names) : names;
    }
    function optimizeExpr(expr, names, constants) {
      if (expr instanceof code_1.Name)
        return replaceName(expr);
      if (!canOptimize(expr))
        return expr;
      return new code_1._Code(expr._items.reduce((items, c) => {
        if (c instanceof code_1.Name)
          c = replaceName(c);
        if (c instanceof code_1._Code)
          items.push(...c._items);
        else
          items.push(c);
        return items;
      }, []));
      function replaceName(n) {
        const c = constants[n.str];
        if (c === void 0 || names[n.str] !== 1)
          return n;
        delete names[n.str];
        return c;
      }
      function canOptimize(e) {
        return e instanceof code_1._Code && e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants[c.str] !== void 0);
      }
    }
    function subtractNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) - (from[n] || 0);
    }
    function not(x) {
      return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._)`!${par(x)}`;
    }
    exports.not = not;
    var andCode = mappend(exports.operators.AND);
    function and(...args) {
      return args.reduce(andCode);
    }
    exports.and = and;
    var orCode = mappend(exports.operators.OR);
    function or(...args) {
      return args.reduce(orCode);
    }
    exports.or = or;
    function mappend(op) {
      return (x, y) => x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._)`${par(x)} ${op} ${par(y)}`;
    }
    function par(x) {
      return x instanceof code_1.Name ? x : (0, code_1._)`(${x})`;
    }
  }
});

// ../../main/node_modules/ajv/dist/compile/util.js
var require_util = __commonJS({
  "../../main/node_modules/ajv/dist/compile/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.checkStrictMode = exports.getErrorPath = exports.Type = exports.useFunc = exports.setEvaluated = exports.evaluatedPropsToName = exports.mergeEvaluated = exports.eachItem = exports.unescapeJsonPointer = exports.escapeJsonPointer = exports.escapeFragment = exports.unescapeFragment = exports.schemaRefOrVal = exports.schemaHasRulesButRef = exports.schemaHasRules = exports.checkUnknownRules = exports.alwaysValidSchema = exports.toHash = void 0;
    var codegen_1 = require_codegen();
    var code_1 = require_code();
    function toHash(arr) {
      const hash = {};
      for (const item of arr)
        hash[item] = true;
      return hash;
    }
    exports.toHash = toHash;
    function alwaysValidSchema(it, schema) {
      if (typeof schema == "boolean")
        return schema;
      if (Object.keys(schema).length === 0)
        return true;
      checkUnknownRules(it, schema);
      return !schemaHasRules(schema, it.self.RULES.all);
    }
    exports.alwaysValidSchema = alwaysValidSchema;
    function checkUnknownRules(it, schema = it.schema) {
      const { opts, self } = it;
      if (!opts.strictSchema)
        return;
      if (typeof schema === "boolean")
        return;
      const rules = self.RULES.keywords;
      for (const key in schema) {
        if (!rules[key])
          checkStrictMode(it, `unknown keyword: "${key}"`);
      }
    }
    exports.checkUnknownRules = checkUnknownRules;
    function schemaHasRules(schema, rules) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (rules[key])
          return true;
      return false;
    }
    exports.schemaHasRules = schemaHasRules;
    function schemaHasRulesButRef(schema, RULES) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (key !== "$ref" && RULES.all[key])
          return true;
      return false;
    }
    exports.schemaHasRulesButRef = schemaHasRulesButRef;
    function schemaRefOrVal({ topSchemaRef, schemaPath }, schema, keyword, $data) {
      if (!$data) {
        if (typeof schema == "number" || typeof schema == "boolean")
          return schema;
        if (typeof schema == "string")
          return (0, codegen_1._)`${schema}`;
      }
      return (0, codegen_1._)`${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
    }
    exports.schemaRefOrVal = schemaRefOrVal;
    function unescapeFragment(str) {
      return unescapeJsonPointer(decodeURIComponent(str));
    }
    exports.unescapeFragment = unescapeFragment;
    function escapeFragment(str) {
      return encodeURIComponent(escapeJsonPointer(str));
    }
    exports.escapeFragment = escapeFragment;
    function escapeJsonPointer(str) {
      if (typeof str == "number")
        return `${str}`;
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
    }
    exports.escapeJsonPointer = escapeJsonPointer;
    function unescapeJsonPointer(str) {
      return str.replace(/~1/g, "/").replace(/~0/g, "~");
    }
    exports.unescapeJsonPointer = unescapeJsonPointer;
    function eachItem(xs, f) {
      if (Array.isArray(xs)) {
        for (const x of xs)
          f(x);
      } else {
        f(xs);
      }
    }
    exports.eachItem = eachItem;
    function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName }) {
      return (gen, from, to, toName) => {
        const res = to === void 0 ? from : to instanceof codegen_1.Name ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to) : from instanceof codegen_1.Name ? (mergeToName(gen, to, from), from) : mergeValues(from, to);
        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
      };
    }
    exports.mergeEvaluated = {
      props: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => {
          gen.if((0, codegen_1._)`${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._)`${to} || {}`).code((0, codegen_1._)`Object.assign(${to}, ${from})`));
        }),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => {
          if (from === true) {
            gen.assign(to, true);
          } else {
            gen.assign(to, (0, codegen_1._)`${to} || {}`);
            setEvaluated(gen, to, from);
          }
        }),
        mergeValues: (from, to) => from === true ? true : { ...from, ...to },
        resultToName: evaluatedPropsToName
      }),
      items: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._)`${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._)`${to} > ${from} ? ${to} : ${from}`)),
        mergeValues: (from, to) => from === true ? true : Math.max(from, to),
        resultToName: (gen, items) => gen.var("items", items)
      })
    };
    function evaluatedPropsToName(gen, ps) {
      if (ps === true)
        return gen.var("props", true);
      const props = gen.var("props", (0, codegen_1._)`{}`);
      if (ps !== void 0)
        setEvaluated(gen, props, ps);
      return props;
    }
    exports.evaluatedPropsToName = evaluatedPropsToName;
    function setEvaluated(gen, props, ps) {
      Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._)`${props}${(0, codegen_1.getProperty)(p)}`, true));
    }
    exports.setEvaluated = setEvaluated;
    var snippets = {};
    function useFunc(gen, f) {
      return gen.scopeValue("func", {
        ref: f,
        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code))
      });
    }
    exports.useFunc = useFunc;
    var Type;
    (function(Type2) {
      Type2[Type2["Num"] = 0] = "Num";
      Type2[Type2["Str"] = 1] = "Str";
    })(Type || (exports.Type = Type = {}));
    function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
      if (dataProp instanceof codegen_1.Name) {
        const isNumber = dataPropType === Type.Num;
        return jsPropertySyntax ? isNumber ? (0, codegen_1._)`"[" + ${dataProp} + "]"` : (0, codegen_1._)`"['" + ${dataProp} + "']"` : isNumber ? (0, codegen_1._)`"/" + ${dataProp}` : (0, codegen_1._)`"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`;
      }
      return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
    }
    exports.getErrorPath = getErrorPath;
    function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
      if (!mode)
        return;
      msg = `strict mode: ${msg}`;
      if (mode === true)
        throw new Error(msg);
      it.self.logger.warn(msg);
    }
    exports.checkStrictMode = checkStrictMode;
  }
});

// ../../main/node_modules/ajv/dist/compile/names.js
var require_names = __commonJS({
  "../../main/node_modules/ajv/dist/compile/names.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var names = {
      // validation function arguments
      data: new codegen_1.Name("data"),
      // data passed to validation function
      // args passed from referencing schema
      valCxt: new codegen_1.Name("valCxt"),
      // validation/data context - should not be used directly, it is destructured to the names below
      instancePath: new codegen_1.Name("instancePath"),
      parentData: new codegen_1.Name("parentData"),
      parentDataProperty: new codegen_1.Name("parentDataProperty"),
      rootData: new codegen_1.Name("rootData"),
      // root data - same as the data passed to the first/top validation function
      dynamicAnchors: new codegen_1.Name("dynamicAnchors"),
      // used to support recursiveRef and dynamicRef
      // function scoped variables
      vErrors: new codegen_1.Name("vErrors"),
      // null or array of validation errors
      errors: new codegen_1.Name("errors"),
      // counter of validation errors
      this: new codegen_1.Name("this"),
      // "globals"
      self: new codegen_1.Name("self"),
      scope: new codegen_1.Name("scope"),
      // JTD serialize/parse name for JSON string and position
      json: new codegen_1.Name("json"),
      jsonPos: new codegen_1.Name("jsonPos"),
      jsonLen: new codegen_1.Name("jsonLen"),
      jsonPart: new codegen_1.Name("jsonPart")
    };
    exports.default = names;
  }
});

// ../../main/node_modules/ajv/dist/compile/errors.js
var require_errors2 = __commonJS({
  "../../main/node_modules/ajv/dist/compile/errors.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendErrors = exports.resetErrorsCount = exports.reportExtraError = exports.reportError = exports.keyword$DataError = exports.keywordError = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    exports.keywordError = {
      message: ({ keyword }) => (0, codegen_1.str)`must pass "${keyword}" keyword validation`
    };
    exports.keyword$DataError = {
      message: ({ keyword, schemaType }) => schemaType ? (0, codegen_1.str)`"${keyword}" keyword must be ${schemaType} ($data)` : (0, codegen_1.str)`"${keyword}" keyword is invalid ($data)`
    };
    function reportError(cxt, error = exports.keywordError, errorPaths, overrideAllErrors) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : compositeRule || allErrors) {
        addError(gen, errObj);
      } else {
        returnErrors(it, (0, codegen_1._)`[${errObj}]`);
      }
    }
    exports.reportError = reportError;
    function reportExtraError(cxt, error = exports.keywordError, errorPaths) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      addError(gen, errObj);
      if (!(compositeRule || allErrors)) {
        returnErrors(it, names_1.default.vErrors);
      }
    }
    exports.reportExtraError = reportExtraError;
    function resetErrorsCount(gen, errsCount) {
      gen.assign(names_1.default.errors, errsCount);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._)`${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
    }
    exports.resetErrorsCount = resetErrorsCount;
    function extendErrors({ gen, keyword, schemaValue, data, errsCount, it }) {
      if (errsCount === void 0)
        throw new Error("ajv implementation error");
      const err = gen.name("err");
      gen.forRange("i", errsCount, names_1.default.errors, (i) => {
        gen.const(err, (0, codegen_1._)`${names_1.default.vErrors}[${i}]`);
        gen.if((0, codegen_1._)`${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._)`${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
        gen.assign((0, codegen_1._)`${err}.schemaPath`, (0, codegen_1.str)`${it.errSchemaPath}/${keyword}`);
        if (it.opts.verbose) {
          gen.assign((0, codegen_1._)`${err}.schema`, schemaValue);
          gen.assign((0, codegen_1._)`${err}.data`, data);
        }
      });
    }
    exports.extendErrors = extendErrors;
    function addError(gen, errObj) {
      const err = gen.const("err", errObj);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._)`[${err}]`), (0, codegen_1._)`${names_1.default.vErrors}.push(${err})`);
      gen.code((0, codegen_1._)`${names_1.default.errors}++`);
    }
    function returnErrors(it, errs) {
      const { gen, validateName, schemaEnv } = it;
      if (schemaEnv.$async) {
        gen.throw((0, codegen_1._)`new ${it.ValidationError}(${errs})`);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, errs);
        gen.return(false);
      }
    }
    var E = {
      keyword: new codegen_1.Name("keyword"),
      schemaPath: new codegen_1.Name("schemaPath"),
      // also used in JTD errors
      params: new codegen_1.Name("params"),
      propertyName: new codegen_1.Name("propertyName"),
      message: new codegen_1.Name("message"),
      schema: new codegen_1.Name("schema"),
      parentSchema: new codegen_1.Name("parentSchema")
    };
    function errorObjectCode(cxt, error, errorPaths) {
      const { createErrors } = cxt.it;
      if (createErrors === false)
        return (0, codegen_1._)`{}`;
      return errorObject(cxt, error, errorPaths);
    }
    function errorObject(cxt, error, errorPaths = {}) {
      const { gen, it } = cxt;
      const keyValues = [
        errorInstancePath(it, errorPaths),
        errorSchemaPath(cxt, errorPaths)
      ];
      extraErrorProps(cxt, error, keyValues);
      return gen.object(...keyValues);
    }
    function errorInstancePath({ errorPath }, { instancePath }) {
      const instPath = instancePath ? (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(instancePath, util_1.Type.Str)}` : errorPath;
      return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
    }
    function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
      let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str)`${errSchemaPath}/${keyword}`;
      if (schemaPath) {
        schPath = (0, codegen_1.str)`${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
      }
      return [E.schemaPath, schPath];
    }
    function extraErrorProps(cxt, { params, message }, keyValues) {
      const { keyword, data, schemaValue, it } = cxt;
      const { opts, propertyName, topSchemaRef, schemaPath } = it;
      keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._)`{}`]);
      if (opts.messages) {
        keyValues.push([E.message, typeof message == "function" ? message(cxt) : message]);
      }
      if (opts.verbose) {
        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._)`${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
      }
      if (propertyName)
        keyValues.push([E.propertyName, propertyName]);
    }
  }
});

// ../../main/node_modules/ajv/dist/compile/validate/boolSchema.js
var require_boolSchema = __commonJS({
  "../../main/node_modules/ajv/dist/compile/validate/boolSchema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.boolOrEmptySchema = exports.topBoolOrEmptySchema = void 0;
    var errors_1 = require_errors2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var boolError = {
      message: "boolean schema is false"
    };
    function topBoolOrEmptySchema(it) {
      const { gen, schema, validateName } = it;
      if (schema === false) {
        falseSchemaError(it, false);
      } else if (typeof schema == "object" && schema.$async === true) {
        gen.return(names_1.default.data);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, null);
        gen.return(true);
      }
    }
    exports.topBoolOrEmptySchema = topBoolOrEmptySchema;
    function boolOrEmptySchema(it, valid) {
      const { gen, schema } = it;
      if (schema === false) {
        gen.var(valid, false);
        falseSchemaError(it);
      } else {
        gen.var(valid, true);
      }
    }
    exports.boolOrEmptySchema = boolOrEmptySchema;
    function falseSchemaError(it, overrideAllErrors) {
      const { gen, data } = it;
      const cxt = {
        gen,
        keyword: "false schema",
        data,
        schema: false,
        schemaCode: false,
        schemaValue: false,
        params: {},
        it
      };
      (0, errors_1.reportError)(cxt, boolError, void 0, overrideAllErrors);
    }
  }
});

// ../../main/node_modules/ajv/dist/compile/rules.js
var require_rules = __commonJS({
  "../../main/node_modules/ajv/dist/compile/rules.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getRules = exports.isJSONType = void 0;
    var _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
    var jsonTypes = new Set(_jsonTypes);
    function isJSONType(x) {
      return typeof x == "string" && jsonTypes.has(x);
    }
    exports.isJSONType = isJSONType;
    function getRules() {
      const groups = {
        number: { type: "number", rules: [] },
        string: { type: "string", rules: [] },
        array: { type: "array", rules: [] },
        object: { type: "object", rules: [] }
      };
      return {
        types: { ...groups, integer: true, boolean: true, null: true },
        rules: [{ rules: [] }, groups.number, groups.string, groups.array, groups.object],
        post: { rules: [] },
        all: {},
        keywords: {}
      };
    }
    exports.getRules = getRules;
  }
});

// ../../main/node_modules/ajv/dist/compile/validate/applicability.js
var require_applicability = __commonJS({
  "../../main/node_modules/ajv/dist/compile/validate/applicability.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.shouldUseRule = exports.shouldUseGroup = exports.schemaHasRulesForType = void 0;
    function schemaHasRulesForType({ schema, self }, type) {
      const group = self.RULES.types[type];
      return group && group !== true && shouldUseGroup(schema, group);
    }
    exports.schemaHasRulesForType = schemaHasRulesForType;
    function shouldUseGroup(schema, group) {
      return group.rules.some((rule) => shouldUseRule(schema, rule));
    }
    exports.shouldUseGroup = shouldUseGroup;
    function shouldUseRule(schema, rule) {
      var _a;
      return schema[rule.keyword] !== void 0 || ((_a = rule.definition.implements) === null || _a === void 0 ? void 0 : _a.some((kwd) => schema[kwd] !== void 0));
    }
    exports.shouldUseRule = shouldUseRule;
  }
});

// ../../main/node_modules/ajv/dist/compile/validate/dataType.js
var require_dataType = __commonJS({
  "../../main/node_modules/ajv/dist/compile/validate/dataType.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.reportTypeError = exports.checkDataTypes = exports.checkDataType = exports.coerceAndCheckDataType = exports.getJSONTypes = exports.getSchemaTypes = exports.DataType = void 0;
    var rules_1 = require_rules();
    var applicability_1 = require_applicability();
    var errors_1 = require_errors2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var DataType;
    (function(DataType2) {
      DataType2[DataType2["Correct"] = 0] = "Correct";
      DataType2[DataType2["Wrong"] = 1] = "Wrong";
    })(DataType || (exports.DataType = DataType = {}));
    function getSchemaTypes(schema) {
      const types = getJSONTypes(schema.type);
      const hasNull = types.includes("null");
      if (hasNull) {
        if (schema.nullable === false)
          throw new Error("type: null contradicts nullable: false");
      } else {
        if (!types.length && schema.nullable !== void 0) {
          throw new Error('"nullable" cannot be used without "type"');
        }
        if (schema.nullable === true)
          types.push("null");
      }
      return types;
    }
    exports.getSchemaTypes = getSchemaTypes;
    function getJSONTypes(ts) {
      const types = Array.isArray(ts) ? ts : ts ? [ts] : [];
      if (types.every(rules_1.isJSONType))
        return types;
      throw new Error("type must be JSONType or JSONType[]: " + types.join(","));
    }
    exports.getJSONTypes = getJSONTypes;
    function coerceAndCheckDataType(it, types) {
      const { gen, data, opts } = it;
      const coerceTo = coerceToTypes(types, opts.coerceTypes);
      const checkTypes = types.length > 0 && !(coerceTo.length === 0 && types.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types[0]));
      if (checkTypes) {
        const wrongType = checkDataTypes(types, data, opts.strictNumbers, DataType.Wrong);
        gen.if(wrongType, () => {
          if (coerceTo.length)
            coerceData(it, types, coerceTo);
          else
            reportTypeError(it);
        });
      }
      return checkTypes;
    }
    exports.coerceAndCheckDataType = coerceAndCheckDataType;
    var COERCIBLE = /* @__PURE__ */ new Set(["string", "number", "integer", "boolean", "null"]);
    function coerceToTypes(types, coerceTypes) {
      return coerceTypes ? types.filter((t) => COERCIBLE.has(t) || coerceTypes === "array" && t === "array") : [];
    }
    function coerceData(it, types, coerceTo) {
      const { gen, data, opts } = it;
      const dataType = gen.let("dataType", (0, codegen_1._)`typeof ${data}`);
      const coerced = gen.let("coerced", (0, codegen_1._)`undefined`);
      if (opts.coerceTypes === "array") {
        gen.if((0, codegen_1._)`${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen.assign(data, (0, codegen_1._)`${data}[0]`).assign(dataType, (0, codegen_1._)`typeof ${data}`).if(checkDataTypes(types, data, opts.strictNumbers), () => gen.assign(coerced, data)));
      }
      gen.if((0, codegen_1._)`${coerced} !== undefined`);
      for (const t of coerceTo) {
        if (COERCIBLE.has(t) || t === "array" && opts.coerceTypes === "array") {
          coerceSpecificType(t);
        }
      }
      gen.else();
      reportTypeError(it);
      gen.endIf();
      gen.if((0, codegen_1._)`${coerced} !== undefined`, () => {
        gen.assign(data, coerced);
        assignParentData(it, coerced);
      });
      function coerceSpecificType(t) {
        switch (t) {
          case "string":
            gen.elseIf((0, codegen_1._)`${dataType} == "number" || ${dataType} == "boolean"`).assign(coerced, (0, codegen_1._)`"" + ${data}`).elseIf((0, codegen_1._)`${data} === null`).assign(coerced, (0, codegen_1._)`""`);
            return;
          case "number":
            gen.elseIf((0, codegen_1._)`${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "integer":
            gen.elseIf((0, codegen_1._)`${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "boolean":
            gen.elseIf((0, codegen_1._)`${data} === "false" || ${data} === 0 || ${data} === null`).assign(coerced, false).elseIf((0, codegen_1._)`${data} === "true" || ${data} === 1`).assign(coerced, true);
            return;
          case "null":
            gen.elseIf((0, codegen_1._)`${data} === "" || ${data} === 0 || ${data} === false`);
            gen.assign(coerced, null);
            return;
          case "array":
            gen.elseIf((0, codegen_1._)`${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`).assign(coerced, (0, codegen_1._)`[${data}]`);
        }
      }
    }
    function assignParentData({ gen, parentData, parentDataProperty }, expr) {
      gen.if((0, codegen_1._)`${parentData} !== undefined`, () => gen.assign((0, codegen_1._)`${parentData}[${parentDataProperty}]`, expr));
    }
    function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
      const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
      let cond;
      switch (dataType) {
        case "null":
          return (0, codegen_1._)`${data} ${EQ} null`;
        case "array":
          cond = (0, codegen_1._)`Array.isArray(${data})`;
          break;
        case "object":
          cond = (0, codegen_1._)`${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
          break;
        case "integer":
          cond = numCond((0, codegen_1._)`!(${data} % 1) && !isNaN(${data})`);
          break;
        case "number":
          cond = numCond();
          break;
        default:
          return (0, codegen_1._)`typeof ${data} ${EQ} ${dataType}`;
      }
      return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
      function numCond(_cond = codegen_1.nil) {
        return (0, codegen_1.and)((0, codegen_1._)`typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._)`isFinite(${data})` : codegen_1.nil);
      }
    }
    exports.checkDataType = checkDataType;
    function checkDataTypes(dataTypes, data, strictNums, correct) {
      if (dataTypes.length === 1) {
        return checkDataType(dataTypes[0], data, strictNums, correct);
      }
      let cond;
      const types = (0, util_1.toHash)(dataTypes);
      if (types.array && types.object) {
        const notObj = (0, codegen_1._)`typeof ${data} != "object"`;
        cond = types.null ? notObj : (0, codegen_1._)`!${data} || ${notObj}`;
        delete types.null;
        delete types.array;
        delete types.object;
      } else {
        cond = codegen_1.nil;
      }
      if (types.number)
        delete types.integer;
      for (const t in types)
        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
      return cond;
    }
    exports.checkDataTypes = checkDataTypes;
    var typeError = {
      message: ({ schema }) => `must be ${schema}`,
      params: ({ schema, schemaValue }) => typeof schema == "string" ? (0, codegen_1._)`{type: ${schema}}` : (0, codegen_1._)`{type: ${schemaValue}}`
    };
    function reportTypeError(it) {
      const cxt = getTypeErrorContext(it);
      (0, errors_1.reportError)(cxt, typeError);
    }
    exports.reportTypeError = reportTypeError;
    function getTypeErrorContext(it) {
      const { gen, data, schema } = it;
      const schemaCode = (0, util_1.schemaRefOrVal)(it, schema, "type");
      return {
        gen,
        keyword: "type",
        data,
        schema: schema.type,
        schemaCode,
        schemaValue: schemaCode,
        parentSchema: schema,
        params: {},
        it
      };
    }
  }
});

// ../../main/node_modules/ajv/dist/compile/validate/defaults.js
var require_defaults = __commonJS({
  "../../main/node_modules/ajv/dist/compile/validate/defaults.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.assignDefaults = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function assignDefaults(it, ty) {
      const { properties, items } = it.schema;
      if (ty === "object" && properties) {
        for (const key in properties) {
          assignDefault(it, key, properties[key].default);
        }
      } else if (ty === "array" && Array.isArray(items)) {
        items.forEach((sch, i) => assignDefault(it, i, sch.default));
      }
    }
    exports.assignDefaults = assignDefaults;
    function assignDefault(it, prop, defaultValue) {
      const { gen, compositeRule, data, opts } = it;
      if (defaultValue === void 0)
        return;
      const childData = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(prop)}`;
      if (compositeRule) {
        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
        return;
      }
      let condition = (0, codegen_1._)`${childData} === undefined`;
      if (opts.useDefaults === "empty") {
        condition = (0, codegen_1._)`${condition} || ${childData} === null || ${childData} === ""`;
      }
      gen.if(condition, (0, codegen_1._)`${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
    }
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/code.js
var require_code2 = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateUnion = exports.validateArray = exports.usePattern = exports.callValidateCode = exports.schemaProperties = exports.allSchemaProperties = exports.noPropertyInData = exports.propertyInData = exports.isOwnProperty = exports.hasPropFunc = exports.reportMissingProp = exports.checkMissingProp = exports.checkReportMissingProp = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var util_2 = require_util();
    function checkReportMissingProp(cxt, prop) {
      const { gen, data, it } = cxt;
      gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
        cxt.setParams({ missingProperty: (0, codegen_1._)`${prop}` }, true);
        cxt.error();
      });
    }
    exports.checkReportMissingProp = checkReportMissingProp;
    function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
      return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._)`${missing} = ${prop}`)));
    }
    exports.checkMissingProp = checkMissingProp;
    function reportMissingProp(cxt, missing) {
      cxt.setParams({ missingProperty: missing }, true);
      cxt.error();
    }
    exports.reportMissingProp = reportMissingProp;
    function hasPropFunc(gen) {
      return gen.scopeValue("func", {
        // eslint-disable-next-line @typescript-eslint/unbound-method
        ref: Object.prototype.hasOwnProperty,
        code: (0, codegen_1._)`Object.prototype.hasOwnProperty`
      });
    }
    exports.hasPropFunc = hasPropFunc;
    function isOwnProperty(gen, data, property) {
      return (0, codegen_1._)`${hasPropFunc(gen)}.call(${data}, ${property})`;
    }
    exports.isOwnProperty = isOwnProperty;
    function propertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
      return ownProperties ? (0, codegen_1._)`${cond} && ${isOwnProperty(gen, data, property)}` : cond;
    }
    exports.propertyInData = propertyInData;
    function noPropertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} === undefined`;
      return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
    }
    exports.noPropertyInData = noPropertyInData;
    function allSchemaProperties(schemaMap) {
      return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
    }
    exports.allSchemaProperties = allSchemaProperties;
    function schemaProperties(it, schemaMap) {
      return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
    }
    exports.schemaProperties = schemaProperties;
    function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath }, it }, func, context, passSchema) {
      const dataAndSchema = passSchema ? (0, codegen_1._)`${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
      const valCxt = [
        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath)],
        [names_1.default.parentData, it.parentData],
        [names_1.default.parentDataProperty, it.parentDataProperty],
        [names_1.default.rootData, names_1.default.rootData]
      ];
      if (it.opts.dynamicRef)
        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
      const args = (0, codegen_1._)`${dataAndSchema}, ${gen.object(...valCxt)}`;
      return context !== codegen_1.nil ? (0, codegen_1._)`${func}.call(${context}, ${args})` : (0, codegen_1._)`${func}(${args})`;
    }
    exports.callValidateCode = callValidateCode;
    var newRegExp = (0, codegen_1._)`new RegExp`;
    function usePattern({ gen, it: { opts } }, pattern) {
      const u = opts.unicodeRegExp ? "u" : "";
      const { regExp } = opts.code;
      const rx = regExp(pattern, u);
      return gen.scopeValue("pattern", {
        key: rx.toString(),
        ref: rx,
        code: (0, codegen_1._)`${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`
      });
    }
    exports.usePattern = usePattern;
    function validateArray(cxt) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      if (it.allErrors) {
        const validArr = gen.let("valid", true);
        validateItems(() => gen.assign(validArr, false));
        return validArr;
      }
      gen.var(valid, true);
      validateItems(() => gen.break());
      return valid;
      function validateItems(notValid) {
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        gen.forRange("i", 0, len, (i) => {
          cxt.subschema({
            keyword,
            dataProp: i,
            dataPropType: util_1.Type.Num
          }, valid);
          gen.if((0, codegen_1.not)(valid), notValid);
        });
      }
    }
    exports.validateArray = validateArray;
    function validateUnion(cxt) {
      const { gen, schema, keyword, it } = cxt;
      if (!Array.isArray(schema))
        throw new Error("ajv implementation error");
      const alwaysValid = schema.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
      if (alwaysValid && !it.opts.unevaluated)
        return;
      const valid = gen.let("valid", false);
      const schValid = gen.name("_valid");
      gen.block(() => schema.forEach((_sch, i) => {
        const schCxt = cxt.subschema({
          keyword,
          schemaProp: i,
          compositeRule: true
        }, schValid);
        gen.assign(valid, (0, codegen_1._)`${valid} || ${schValid}`);
        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
        if (!merged)
          gen.if((0, codegen_1.not)(valid));
      }));
      cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
    }
    exports.validateUnion = validateUnion;
  }
});

// ../../main/node_modules/ajv/dist/compile/validate/keyword.js
var require_keyword = __commonJS({
  "../../main/node_modules/ajv/dist/compile/validate/keyword.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateKeywordUsage = exports.validSchemaType = exports.funcKeywordCode = exports.macroKeywordCode = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var code_1 = require_code2();
    var errors_1 = require_errors2();
    function macroKeywordCode(cxt, def) {
      const { gen, keyword, schema, parentSchema, it } = cxt;
      const macroSchema = def.macro.call(it.self, schema, parentSchema, it);
      const schemaRef = useKeyword(gen, keyword, macroSchema);
      if (it.opts.validateSchema !== false)
        it.self.validateSchema(macroSchema, true);
      const valid = gen.name("valid");
      cxt.subschema({
        schema: macroSchema,
        schemaPath: codegen_1.nil,
        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
        topSchemaRef: schemaRef,
        compositeRule: true
      }, valid);
      cxt.pass(valid, () => cxt.error(true));
    }
    exports.macroKeywordCode = macroKeywordCode;
    function funcKeywordCode(cxt, def) {
      var _a;
      const { gen, keyword, schema, parentSchema, $data, it } = cxt;
      checkAsyncKeyword(it, def);
      const validate = !$data && def.compile ? def.compile.call(it.self, schema, parentSchema, it) : def.validate;
      const validateRef = useKeyword(gen, keyword, validate);
      const valid = gen.let("valid");
      cxt.block$data(valid, validateKeyword);
      cxt.ok((_a = def.valid) !== null && _a !== void 0 ? _a : valid);
      function validateKeyword() {
        if (def.errors === false) {
          assignValid();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => cxt.error());
        } else {
          const ruleErrs = def.async ? validateAsync() : validateSync();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => addErrs(cxt, ruleErrs));
        }
      }
      function validateAsync() {
        const ruleErrs = gen.let("ruleErrs", null);
        gen.try(() => assignValid((0, codegen_1._)`await `), (e) => gen.assign(valid, false).if((0, codegen_1._)`${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._)`${e}.errors`), () => gen.throw(e)));
        return ruleErrs;
      }
      function validateSync() {
        const validateErrs = (0, codegen_1._)`${validateRef}.errors`;
        gen.assign(validateErrs, null);
        assignValid(codegen_1.nil);
        return validateErrs;
      }
      function assignValid(_await = def.async ? (0, codegen_1._)`await ` : codegen_1.nil) {
        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
        const passSchema = !("compile" in def && !$data || def.schema === false);
        gen.assign(valid, (0, codegen_1._)`${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def.modifying);
      }
      function reportErrs(errors) {
        var _a2;
        gen.if((0, codegen_1.not)((_a2 = def.valid) !== null && _a2 !== void 0 ? _a2 : valid), errors);
      }
    }
    exports.funcKeywordCode = funcKeywordCode;
    function modifyData(cxt) {
      const { gen, data, it } = cxt;
      gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._)`${it.parentData}[${it.parentDataProperty}]`));
    }
    function addErrs(cxt, errs) {
      const { gen } = cxt;
      gen.if((0, codegen_1._)`Array.isArray(${errs})`, () => {
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`).assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
        (0, errors_1.extendErrors)(cxt);
      }, () => cxt.error());
    }
    function checkAsyncKeyword({ schemaEnv }, def) {
      if (def.async && !schemaEnv.$async)
        throw new Error("async keyword in sync schema");
    }
    function useKeyword(gen, keyword, result) {
      if (result === void 0)
        throw new Error(`keyword "${keyword}" failed to compile`);
      return gen.scopeValue("keyword", typeof result == "function" ? { ref: result } : { ref: result, code: (0, codegen_1.stringify)(result) });
    }
    function validSchemaType(schema, schemaType, allowUndefined = false) {
      return !schemaType.length || schemaType.some((st) => st === "array" ? Array.isArray(schema) : st === "object" ? schema && typeof schema == "object" && !Array.isArray(schema) : typeof schema == st || allowUndefined && typeof schema == "undefined");
    }
    exports.validSchemaType = validSchemaType;
    function validateKeywordUsage({ schema, opts, self, errSchemaPath }, def, keyword) {
      if (Array.isArray(def.keyword) ? !def.keyword.includes(keyword) : def.keyword !== keyword) {
        throw new Error("ajv implementation error");
      }
      const deps = def.dependencies;
      if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema, kwd))) {
        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
      }
      if (def.validateSchema) {
        const valid = def.validateSchema(schema[keyword]);
        if (!valid) {
          const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` + self.errorsText(def.validateSchema.errors);
          if (opts.validateSchema === "log")
            self.logger.error(msg);
          else
            throw new Error(msg);
        }
      }
    }
    exports.validateKeywordUsage = validateKeywordUsage;
  }
});

// ../../main/node_modules/ajv/dist/compile/validate/subschema.js
var require_subschema = __commonJS({
  "../../main/node_modules/ajv/dist/compile/validate/subschema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendSubschemaMode = exports.extendSubschemaData = exports.getSubschema = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function getSubschema(it, { keyword, schemaProp, schema, schemaPath, errSchemaPath, topSchemaRef }) {
      if (keyword !== void 0 && schema !== void 0) {
        throw new Error('both "keyword" and "schema" passed, only one allowed');
      }
      if (keyword !== void 0) {
        const sch = it.schema[keyword];
        return schemaProp === void 0 ? {
          schema: sch,
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}`
        } : {
          schema: sch[schemaProp],
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`
        };
      }
      if (schema !== void 0) {
        if (schemaPath === void 0 || errSchemaPath === void 0 || topSchemaRef === void 0) {
          throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
        }
        return {
          schema,
          schemaPath,
          topSchemaRef,
          errSchemaPath
        };
      }
      throw new Error('either "keyword" or "schema" must be passed');
    }
    exports.getSubschema = getSubschema;
    function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
      if (data !== void 0 && dataProp !== void 0) {
        throw new Error('both "data" and "dataProp" passed, only one allowed');
      }
      const { gen } = it;
      if (dataProp !== void 0) {
        const { errorPath, dataPathArr, opts } = it;
        const nextData = gen.let("data", (0, codegen_1._)`${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
        dataContextProps(nextData);
        subschema.errorPath = (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
        subschema.parentDataProperty = (0, codegen_1._)`${dataProp}`;
        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
      }
      if (data !== void 0) {
        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true);
        dataContextProps(nextData);
        if (propertyName !== void 0)
          subschema.propertyName = propertyName;
      }
      if (dataTypes)
        subschema.dataTypes = dataTypes;
      function dataContextProps(_nextData) {
        subschema.data = _nextData;
        subschema.dataLevel = it.dataLevel + 1;
        subschema.dataTypes = [];
        it.definedProperties = /* @__PURE__ */ new Set();
        subschema.parentData = it.data;
        subschema.dataNames = [...it.dataNames, _nextData];
      }
    }
    exports.extendSubschemaData = extendSubschemaData;
    function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
      if (compositeRule !== void 0)
        subschema.compositeRule = compositeRule;
      if (createErrors !== void 0)
        subschema.createErrors = createErrors;
      if (allErrors !== void 0)
        subschema.allErrors = allErrors;
      subschema.jtdDiscriminator = jtdDiscriminator;
      subschema.jtdMetadata = jtdMetadata;
    }
    exports.extendSubschemaMode = extendSubschemaMode;
  }
});

// ../../main/node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "../../main/node_modules/fast-deep-equal/index.js"(exports, module) {
    "use strict";
    module.exports = function equal(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// ../../main/node_modules/json-schema-traverse/index.js
var require_json_schema_traverse = __commonJS({
  "../../main/node_modules/json-schema-traverse/index.js"(exports, module) {
    "use strict";
    var traverse = module.exports = function(schema, opts, cb) {
      if (typeof opts == "function") {
        cb = opts;
        opts = {};
      }
      cb = opts.cb || cb;
      var pre = typeof cb == "function" ? cb : cb.pre || function() {
      };
      var post = cb.post || function() {
      };
      _traverse(opts, pre, post, schema, "", schema);
    };
    traverse.keywords = {
      additionalItems: true,
      items: true,
      contains: true,
      additionalProperties: true,
      propertyNames: true,
      not: true,
      if: true,
      then: true,
      else: true
    };
    traverse.arrayKeywords = {
      items: true,
      allOf: true,
      anyOf: true,
      oneOf: true
    };
    traverse.propsKeywords = {
      $defs: true,
      definitions: true,
      properties: true,
      patternProperties: true,
      dependencies: true
    };
    traverse.skipKeywords = {
      default: true,
      enum: true,
      const: true,
      required: true,
      maximum: true,
      minimum: true,
      exclusiveMaximum: true,
      exclusiveMinimum: true,
      multipleOf: true,
      maxLength: true,
      minLength: true,
      pattern: true,
      format: true,
      maxItems: true,
      minItems: true,
      uniqueItems: true,
      maxProperties: true,
      minProperties: true
    };
    function _traverse(opts, pre, post, schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
      if (schema && typeof schema == "object" && !Array.isArray(schema)) {
        pre(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
        for (var key in schema) {
          var sch = schema[key];
          if (Array.isArray(sch)) {
            if (key in traverse.arrayKeywords) {
              for (var i = 0; i < sch.length; i++)
                _traverse(opts, pre, post, sch[i], jsonPtr + "/" + key + "/" + i, rootSchema, jsonPtr, key, schema, i);
            }
          } else if (key in traverse.propsKeywords) {
            if (sch && typeof sch == "object") {
              for (var prop in sch)
                _traverse(opts, pre, post, sch[prop], jsonPtr + "/" + key + "/" + escapeJsonPtr(prop), rootSchema, jsonPtr, key, schema, prop);
            }
          } else if (key in traverse.keywords || opts.allKeys && !(key in traverse.skipKeywords)) {
            _traverse(opts, pre, post, sch, jsonPtr + "/" + key, rootSchema, jsonPtr, key, schema);
          }
        }
        post(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
      }
    }
    function escapeJsonPtr(str) {
      return str.replace(/~/g, "~0").replace(/\//g, "~1");
    }
  }
});

// ../../main/node_modules/ajv/dist/compile/resolve.js
var require_resolve = __commonJS({
  "../../main/node_modules/ajv/dist/compile/resolve.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getSchemaRefs = exports.resolveUrl = exports.normalizeId = exports._getFullPath = exports.getFullPath = exports.inlineRef = void 0;
    var util_1 = require_util();
    var equal = require_fast_deep_equal();
    var traverse = require_json_schema_traverse();
    var SIMPLE_INLINED = /* @__PURE__ */ new Set([
      "type",
      "format",
      "pattern",
      "maxLength",
      "minLength",
      "maxProperties",
      "minProperties",
      "maxItems",
      "minItems",
      "maximum",
      "minimum",
      "uniqueItems",
      "multipleOf",
      "required",
      "enum",
      "const"
    ]);
    function inlineRef(schema, limit = true) {
      if (typeof schema == "boolean")
        return true;
      if (limit === true)
        return !hasRef(schema);
      if (!limit)
        return false;
      return countKeys(schema) <= limit;
    }
    exports.inlineRef = inlineRef;
    var REF_KEYWORDS = /* @__PURE__ */ new Set([
      "$ref",
      "$recursiveRef",
      "$recursiveAnchor",
      "$dynamicRef",
      "$dynamicAnchor"
    ]);
    function hasRef(schema) {
      for (const key in schema) {
        if (REF_KEYWORDS.has(key))
          return true;
        const sch = schema[key];
        if (Array.isArray(sch) && sch.some(hasRef))
          return true;
        if (typeof sch == "object" && hasRef(sch))
          return true;
      }
      return false;
    }
    function countKeys(schema) {
      let count = 0;
      for (const key in schema) {
        if (key === "$ref")
          return Infinity;
        count++;
        if (SIMPLE_INLINED.has(key))
          continue;
        if (typeof schema[key] == "object") {
          (0, util_1.eachItem)(schema[key], (sch) => count += countKeys(sch));
        }
        if (count === Infinity)
          return Infinity;
      }
      return count;
    }
    function getFullPath(resolver, id = "", normalize) {
      if (normalize !== false)
        id = normalizeId(id);
      const p = resolver.parse(id);
      return _getFullPath(resolver, p);
    }
    exports.getFullPath = getFullPath;
    function _getFullPath(resolver, p) {
      const serialized = resolver.serialize(p);
      return serialized.split("#")[0] + "#";
    }
    exports._getFullPath = _getFullPath;
    var TRAILING_SLASH_HASH = /#\/?$/;
    function normalizeId(id) {
      return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
    }
    exports.normalizeId = normalizeId;
    function resolveUrl(resolver, baseId, id) {
      id = normalizeId(id);
      return resolver.resolve(baseId, id);
    }
    exports.resolveUrl = resolveUrl;
    var ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
    function getSchemaRefs(schema, baseId) {
      if (typeof schema == "boolean")
        return {};
      const { schemaId, uriResolver } = this.opts;
      const schId = normalizeId(schema[schemaId] || baseId);
      const baseIds = { "": schId };
      const pathPrefix = getFullPath(uriResolver, schId, false);
      const localRefs = {};
      const schemaRefs = /* @__PURE__ */ new Set();
      traverse(schema, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
        if (parentJsonPtr === void 0)
          return;
        const fullPath = pathPrefix + jsonPtr;
        let innerBaseId = baseIds[parentJsonPtr];
        if (typeof sch[schemaId] == "string")
          innerBaseId = addRef.call(this, sch[schemaId]);
        addAnchor.call(this, sch.$anchor);
        addAnchor.call(this, sch.$dynamicAnchor);
        baseIds[jsonPtr] = innerBaseId;
        function addRef(ref) {
          const _resolve = this.opts.uriResolver.resolve;
          ref = normalizeId(innerBaseId ? _resolve(innerBaseId, ref) : ref);
          if (schemaRefs.has(ref))
            throw ambiguos(ref);
          schemaRefs.add(ref);
          let schOrRef = this.refs[ref];
          if (typeof schOrRef == "string")
            schOrRef = this.refs[schOrRef];
          if (typeof schOrRef == "object") {
            checkAmbiguosRef(sch, schOrRef.schema, ref);
          } else if (ref !== normalizeId(fullPath)) {
            if (ref[0] === "#") {
              checkAmbiguosRef(sch, localRefs[ref], ref);
              localRefs[ref] = sch;
            } else {
              this.refs[ref] = fullPath;
            }
          }
          return ref;
        }
        function addAnchor(anchor) {
          if (typeof anchor == "string") {
            if (!ANCHOR.test(anchor))
              throw new Error(`invalid anchor "${anchor}"`);
            addRef.call(this, `#${anchor}`);
          }
        }
      });
      return localRefs;
      function checkAmbiguosRef(sch1, sch2, ref) {
        if (sch2 !== void 0 && !equal(sch1, sch2))
          throw ambiguos(ref);
      }
      function ambiguos(ref) {
        return new Error(`reference "${ref}" resolves to more than one schema`);
      }
    }
    exports.getSchemaRefs = getSchemaRefs;
  }
});

// ../../main/node_modules/ajv/dist/compile/validate/index.js
var require_validate = __commonJS({
  "../../main/node_modules/ajv/dist/compile/validate/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getData = exports.KeywordCxt = exports.validateFunctionCode = void 0;
    var boolSchema_1 = require_boolSchema();
    var dataType_1 = require_dataType();
    var applicability_1 = require_applicability();
    var dataType_2 = require_dataType();
    var defaults_1 = require_defaults();
    var keyword_1 = require_keyword();
    var subschema_1 = require_subschema();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var errors_1 = require_errors2();
    function validateFunctionCode(it) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          topSchemaObjCode(it);
          return;
        }
      }
      validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
    }
    exports.validateFunctionCode = validateFunctionCode;
    function validateFunction({ gen, validateName, schema, schemaEnv, opts }, body) {
      if (opts.code.es5) {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
          gen.code((0, codegen_1._)`"use strict"; ${funcSourceUrl(schema, opts)}`);
          destructureValCxtES5(gen, opts);
          gen.code(body);
        });
      } else {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema, opts)).code(body));
      }
    }
    function destructureValCxt(opts) {
      return (0, codegen_1._)`{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._)`, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
    }
    function destructureValCxtES5(gen, opts) {
      gen.if(names_1.default.valCxt, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.instancePath}`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentData}`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
        gen.var(names_1.default.rootData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.rootData}`);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
      }, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`""`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.rootData, names_1.default.data);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`{}`);
      });
    }
    function topSchemaObjCode(it) {
      const { schema, opts, gen } = it;
      validateFunction(it, () => {
        if (opts.$comment && schema.$comment)
          commentKeyword(it);
        checkNoDefault(it);
        gen.let(names_1.default.vErrors, null);
        gen.let(names_1.default.errors, 0);
        if (opts.unevaluated)
          resetEvaluated(it);
        typeAndKeywords(it);
        returnResults(it);
      });
      return;
    }
    function resetEvaluated(it) {
      const { gen, validateName } = it;
      it.evaluated = gen.const("evaluated", (0, codegen_1._)`${validateName}.evaluated`);
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._)`${it.evaluated}.props`, (0, codegen_1._)`undefined`));
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._)`${it.evaluated}.items`, (0, codegen_1._)`undefined`));
    }
    function funcSourceUrl(schema, opts) {
      const schId = typeof schema == "object" && schema[opts.schemaId];
      return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._)`/*# sourceURL=${schId} */` : codegen_1.nil;
    }
    function subschemaCode(it, valid) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          subSchemaObjCode(it, valid);
          return;
        }
      }
      (0, boolSchema_1.boolOrEmptySchema)(it, valid);
    }
    function schemaCxtHasRules({ schema, self }) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (self.RULES.all[key])
          return true;
      return false;
    }
    function isSchemaObj(it) {
      return typeof it.schema != "boolean";
    }
    function subSchemaObjCode(it, valid) {
      const { schema, gen, opts } = it;
      if (opts.$comment && schema.$comment)
        commentKeyword(it);
      updateContext(it);
      checkAsyncSchema(it);
      const errsCount = gen.const("_errs", names_1.default.errors);
      typeAndKeywords(it, errsCount);
      gen.var(valid, (0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
    }
    function checkKeywords(it) {
      (0, util_1.checkUnknownRules)(it);
      checkRefsAndKeywords(it);
    }
    function typeAndKeywords(it, errsCount) {
      if (it.opts.jtd)
        return schemaKeywords(it, [], false, errsCount);
      const types = (0, dataType_1.getSchemaTypes)(it.schema);
      const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types);
      schemaKeywords(it, types, !checkedTypes, errsCount);
    }
    function checkRefsAndKeywords(it) {
      const { schema, errSchemaPath, opts, self } = it;
      if (schema.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema, self.RULES)) {
        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
      }
    }
    function checkNoDefault(it) {
      const { schema, opts } = it;
      if (schema.default !== void 0 && opts.useDefaults && opts.strictSchema) {
        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
      }
    }
    function updateContext(it) {
      const schId = it.schema[it.opts.schemaId];
      if (schId)
        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
    }
    function checkAsyncSchema(it) {
      if (it.schema.$async && !it.schemaEnv.$async)
        throw new Error("async schema in sync schema");
    }
    function commentKeyword({ gen, schemaEnv, schema, errSchemaPath, opts }) {
      const msg = schema.$comment;
      if (opts.$comment === true) {
        gen.code((0, codegen_1._)`${names_1.default.self}.logger.log(${msg})`);
      } else if (typeof opts.$comment == "function") {
        const schemaPath = (0, codegen_1.str)`${errSchemaPath}/$comment`;
        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
        gen.code((0, codegen_1._)`${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
      }
    }
    function returnResults(it) {
      const { gen, schemaEnv, validateName, ValidationError, opts } = it;
      if (schemaEnv.$async) {
        gen.if((0, codegen_1._)`${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._)`new ${ValidationError}(${names_1.default.vErrors})`));
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, names_1.default.vErrors);
        if (opts.unevaluated)
          assignEvaluated(it);
        gen.return((0, codegen_1._)`${names_1.default.errors} === 0`);
      }
    }
    function assignEvaluated({ gen, evaluated, props, items }) {
      if (props instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.props`, props);
      if (items instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.items`, items);
    }
    function schemaKeywords(it, types, typeErrors, errsCount) {
      const { gen, schema, data, allErrors, opts, self } = it;
      const { RULES } = self;
      if (schema.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema, RULES))) {
        gen.block(() => keywordCode(it, "$ref", RULES.all.$ref.definition));
        return;
      }
      if (!opts.jtd)
        checkStrictTypes(it, types);
      gen.block(() => {
        for (const group of RULES.rules)
          groupKeywords(group);
        groupKeywords(RULES.post);
      });
      function groupKeywords(group) {
        if (!(0, applicability_1.shouldUseGroup)(schema, group))
          return;
        if (group.type) {
          gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
          iterateKeywords(it, group);
          if (types.length === 1 && types[0] === group.type && typeErrors) {
            gen.else();
            (0, dataType_2.reportTypeError)(it);
          }
          gen.endIf();
        } else {
          iterateKeywords(it, group);
        }
        if (!allErrors)
          gen.if((0, codegen_1._)`${names_1.default.errors} === ${errsCount || 0}`);
      }
    }
    function iterateKeywords(it, group) {
      const { gen, schema, opts: { useDefaults } } = it;
      if (useDefaults)
        (0, defaults_1.assignDefaults)(it, group.type);
      gen.block(() => {
        for (const rule of group.rules) {
          if ((0, applicability_1.shouldUseRule)(schema, rule)) {
            keywordCode(it, rule.keyword, rule.definition, group.type);
          }
        }
      });
    }
    function checkStrictTypes(it, types) {
      if (it.schemaEnv.meta || !it.opts.strictTypes)
        return;
      checkContextTypes(it, types);
      if (!it.opts.allowUnionTypes)
        checkMultipleTypes(it, types);
      checkKeywordTypes(it, it.dataTypes);
    }
    function checkContextTypes(it, types) {
      if (!types.length)
        return;
      if (!it.dataTypes.length) {
        it.dataTypes = types;
        return;
      }
      types.forEach((t) => {
        if (!includesType(it.dataTypes, t)) {
          strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
        }
      });
      narrowSchemaTypes(it, types);
    }
    function checkMultipleTypes(it, ts) {
      if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
      }
    }
    function checkKeywordTypes(it, ts) {
      const rules = it.self.RULES.all;
      for (const keyword in rules) {
        const rule = rules[keyword];
        if (typeof rule == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule)) {
          const { type } = rule.definition;
          if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
            strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
          }
        }
      }
    }
    function hasApplicableType(schTs, kwdT) {
      return schTs.includes(kwdT) || kwdT === "number" && schTs.includes("integer");
    }
    function includesType(ts, t) {
      return ts.includes(t) || t === "integer" && ts.includes("number");
    }
    function narrowSchemaTypes(it, withTypes) {
      const ts = [];
      for (const t of it.dataTypes) {
        if (includesType(withTypes, t))
          ts.push(t);
        else if (withTypes.includes("integer") && t === "number")
          ts.push("integer");
      }
      it.dataTypes = ts;
    }
    function strictTypesError(it, msg) {
      const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
      msg += ` at "${schemaPath}" (strictTypes)`;
      (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
    }
    var KeywordCxt = class {
      constructor(it, def, keyword) {
        (0, keyword_1.validateKeywordUsage)(it, def, keyword);
        this.gen = it.gen;
        this.allErrors = it.allErrors;
        this.keyword = keyword;
        this.data = it.data;
        this.schema = it.schema[keyword];
        this.$data = def.$data && it.opts.$data && this.schema && this.schema.$data;
        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
        this.schemaType = def.schemaType;
        this.parentSchema = it.schema;
        this.params = {};
        this.it = it;
        this.def = def;
        if (this.$data) {
          this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
        } else {
          this.schemaCode = this.schemaValue;
          if (!(0, keyword_1.validSchemaType)(this.schema, def.schemaType, def.allowUndefined)) {
            throw new Error(`${keyword} value must be ${JSON.stringify(def.schemaType)}`);
          }
        }
        if ("code" in def ? def.trackErrors : def.errors !== false) {
          this.errsCount = it.gen.const("_errs", names_1.default.errors);
        }
      }
      result(condition, successAction, failAction) {
        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
      }
      failResult(condition, successAction, failAction) {
        this.gen.if(condition);
        if (failAction)
          failAction();
        else
          this.error();
        if (successAction) {
          this.gen.else();
          successAction();
          if (this.allErrors)
            this.gen.endIf();
        } else {
          if (this.allErrors)
            this.gen.endIf();
          else
            this.gen.else();
        }
      }
      pass(condition, failAction) {
        this.failResult((0, codegen_1.not)(condition), void 0, failAction);
      }
      fail(condition) {
        if (condition === void 0) {
          this.error();
          if (!this.allErrors)
            this.gen.if(false);
          return;
        }
        this.gen.if(condition);
        this.error();
        if (this.allErrors)
          this.gen.endIf();
        else
          this.gen.else();
      }
      fail$data(condition) {
        if (!this.$data)
          return this.fail(condition);
        const { schemaCode } = this;
        this.fail((0, codegen_1._)`${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
      }
      error(append, errorParams, errorPaths) {
        if (errorParams) {
          this.setParams(errorParams);
          this._error(append, errorPaths);
          this.setParams({});
          return;
        }
        this._error(append, errorPaths);
      }
      _error(append, errorPaths) {
        ;
        (append ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
      }
      $dataError() {
        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
      }
      reset() {
        if (this.errsCount === void 0)
          throw new Error('add "trackErrors" to keyword definition');
        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
      }
      ok(cond) {
        if (!this.allErrors)
          this.gen.if(cond);
      }
      setParams(obj, assign) {
        if (assign)
          Object.assign(this.params, obj);
        else
          this.params = obj;
      }
      block$data(valid, codeBlock, $dataValid = codegen_1.nil) {
        this.gen.block(() => {
          this.check$data(valid, $dataValid);
          codeBlock();
        });
      }
      check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
        if (!this.$data)
          return;
        const { gen, schemaCode, schemaType, def } = this;
        gen.if((0, codegen_1.or)((0, codegen_1._)`${schemaCode} === undefined`, $dataValid));
        if (valid !== codegen_1.nil)
          gen.assign(valid, true);
        if (schemaType.length || def.validateSchema) {
          gen.elseIf(this.invalid$data());
          this.$dataError();
          if (valid !== codegen_1.nil)
            gen.assign(valid, false);
        }
        gen.else();
      }
      invalid$data() {
        const { gen, schemaCode, schemaType, def, it } = this;
        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
        function wrong$DataType() {
          if (schemaType.length) {
            if (!(schemaCode instanceof codegen_1.Name))
              throw new Error("ajv implementation error");
            const st = Array.isArray(schemaType) ? schemaType : [schemaType];
            return (0, codegen_1._)`${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
          }
          return codegen_1.nil;
        }
        function invalid$DataSchema() {
          if (def.validateSchema) {
            const validateSchemaRef = gen.scopeValue("validate$data", { ref: def.validateSchema });
            return (0, codegen_1._)`!${validateSchemaRef}(${schemaCode})`;
          }
          return codegen_1.nil;
        }
      }
      subschema(appl, valid) {
        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
        (0, subschema_1.extendSubschemaMode)(subschema, appl);
        const nextContext = { ...this.it, ...subschema, items: void 0, props: void 0 };
        subschemaCode(nextContext, valid);
        return nextContext;
      }
      mergeEvaluated(schemaCxt, toName) {
        const { it, gen } = this;
        if (!it.opts.unevaluated)
          return;
        if (it.props !== true && schemaCxt.props !== void 0) {
          it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
        }
        if (it.items !== true && schemaCxt.items !== void 0) {
          it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
        }
      }
      mergeValidEvaluated(schemaCxt, valid) {
        const { it, gen } = this;
        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
          gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
          return true;
        }
      }
    };
    exports.KeywordCxt = KeywordCxt;
    function keywordCode(it, keyword, def, ruleType) {
      const cxt = new KeywordCxt(it, def, keyword);
      if ("code" in def) {
        def.code(cxt, ruleType);
      } else if (cxt.$data && def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      } else if ("macro" in def) {
        (0, keyword_1.macroKeywordCode)(cxt, def);
      } else if (def.compile || def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      }
    }
    var JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
    var RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
    function getData($data, { dataLevel, dataNames, dataPathArr }) {
      let jsonPointer;
      let data;
      if ($data === "")
        return names_1.default.rootData;
      if ($data[0] === "/") {
        if (!JSON_POINTER.test($data))
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        jsonPointer = $data;
        data = names_1.default.rootData;
      } else {
        const matches = RELATIVE_JSON_POINTER.exec($data);
        if (!matches)
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        const up = +matches[1];
        jsonPointer = matches[2];
        if (jsonPointer === "#") {
          if (up >= dataLevel)
            throw new Error(errorMsg("property/index", up));
          return dataPathArr[dataLevel - up];
        }
        if (up > dataLevel)
          throw new Error(errorMsg("data", up));
        data = dataNames[dataLevel - up];
        if (!jsonPointer)
          return data;
      }
      let expr = data;
      const segments = jsonPointer.split("/");
      for (const segment of segments) {
        if (segment) {
          data = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
          expr = (0, codegen_1._)`${expr} && ${data}`;
        }
      }
      return expr;
      function errorMsg(pointerType, up) {
        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
      }
    }
    exports.getData = getData;
  }
});

// ../../main/node_modules/ajv/dist/runtime/validation_error.js
var require_validation_error = __commonJS({
  "../../main/node_modules/ajv/dist/runtime/validation_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var ValidationError = class extends Error {
      constructor(errors) {
        super("validation failed");
        this.errors = errors;
        this.ajv = this.validation = true;
      }
    };
    exports.default = ValidationError;
  }
});

// ../../main/node_modules/ajv/dist/compile/ref_error.js
var require_ref_error = __commonJS({
  "../../main/node_modules/ajv/dist/compile/ref_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var resolve_1 = require_resolve();
    var MissingRefError = class extends Error {
      constructor(resolver, baseId, ref, msg) {
        super(msg || `can't resolve reference ${ref} from id ${baseId}`);
        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref);
        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
      }
    };
    exports.default = MissingRefError;
  }
});

// ../../main/node_modules/ajv/dist/compile/index.js
var require_compile = __commonJS({
  "../../main/node_modules/ajv/dist/compile/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.resolveSchema = exports.getCompilingSchema = exports.resolveRef = exports.compileSchema = exports.SchemaEnv = void 0;
    var codegen_1 = require_codegen();
    var validation_error_1 = require_validation_error();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var validate_1 = require_validate();
    var SchemaEnv = class {
      constructor(env) {
        var _a;
        this.refs = {};
        this.dynamicAnchors = {};
        let schema;
        if (typeof env.schema == "object")
          schema = env.schema;
        this.schema = env.schema;
        this.schemaId = env.schemaId;
        this.root = env.root || this;
        this.baseId = (_a = env.baseId) !== null && _a !== void 0 ? _a : (0, resolve_1.normalizeId)(schema === null || schema === void 0 ? void 0 : schema[env.schemaId || "$id"]);
        this.schemaPath = env.schemaPath;
        this.localRefs = env.localRefs;
        this.meta = env.meta;
        this.$async = schema === null || schema === void 0 ? void 0 : schema.$async;
        this.refs = {};
      }
    };
    exports.SchemaEnv = SchemaEnv;
    function compileSchema(sch) {
      const _sch = getCompilingSchema.call(this, sch);
      if (_sch)
        return _sch;
      const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId);
      const { es5, lines } = this.opts.code;
      const { ownProperties } = this.opts;
      const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
      let _ValidationError;
      if (sch.$async) {
        _ValidationError = gen.scopeValue("Error", {
          ref: validation_error_1.default,
          code: (0, codegen_1._)`require("ajv/dist/runtime/validation_error").default`
        });
      }
      const validateName = gen.scopeName("validate");
      sch.validateName = validateName;
      const schemaCxt = {
        gen,
        allErrors: this.opts.allErrors,
        data: names_1.default.data,
        parentData: names_1.default.parentData,
        parentDataProperty: names_1.default.parentDataProperty,
        dataNames: [names_1.default.data],
        dataPathArr: [codegen_1.nil],
        // TODO can its length be used as dataLevel if nil is removed?
        dataLevel: 0,
        dataTypes: [],
        definedProperties: /* @__PURE__ */ new Set(),
        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) } : { ref: sch.schema }),
        validateName,
        ValidationError: _ValidationError,
        schema: sch.schema,
        schemaEnv: sch,
        rootId,
        baseId: sch.baseId || rootId,
        schemaPath: codegen_1.nil,
        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
        errorPath: (0, codegen_1._)`""`,
        opts: this.opts,
        self: this
      };
      let sourceCode;
      try {
        this._compilations.add(sch);
        (0, validate_1.validateFunctionCode)(schemaCxt);
        gen.optimize(this.opts.code.optimize);
        const validateCode = gen.toString();
        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
        if (this.opts.code.process)
          sourceCode = this.opts.code.process(sourceCode, sch);
        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
        const validate = makeValidate(this, this.scope.get());
        this.scope.value(validateName, { ref: validate });
        validate.errors = null;
        validate.schema = sch.schema;
        validate.schemaEnv = sch;
        if (sch.$async)
          validate.$async = true;
        if (this.opts.code.source === true) {
          validate.source = { validateName, validateCode, scopeValues: gen._values };
        }
        if (this.opts.unevaluated) {
          const { props, items } = schemaCxt;
          validate.evaluated = {
            props: props instanceof codegen_1.Name ? void 0 : props,
            items: items instanceof codegen_1.Name ? void 0 : items,
            dynamicProps: props instanceof codegen_1.Name,
            dynamicItems: items instanceof codegen_1.Name
          };
          if (validate.source)
            validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
        }
        sch.validate = validate;
        return sch;
      } catch (e) {
        delete sch.validate;
        delete sch.validateName;
        if (sourceCode)
          this.logger.error("Error compiling schema, function code:", sourceCode);
        throw e;
      } finally {
        this._compilations.delete(sch);
      }
    }
    exports.compileSchema = compileSchema;
    function resolveRef(root, baseId, ref) {
      var _a;
      ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref);
      const schOrFunc = root.refs[ref];
      if (schOrFunc)
        return schOrFunc;
      let _sch = resolve.call(this, root, ref);
      if (_sch === void 0) {
        const schema = (_a = root.localRefs) === null || _a === void 0 ? void 0 : _a[ref];
        const { schemaId } = this.opts;
        if (schema)
          _sch = new SchemaEnv({ schema, schemaId, root, baseId });
      }
      if (_sch === void 0)
        return;
      return root.refs[ref] = inlineOrCompile.call(this, _sch);
    }
    exports.resolveRef = resolveRef;
    function inlineOrCompile(sch) {
      if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
        return sch.schema;
      return sch.validate ? sch : compileSchema.call(this, sch);
    }
    function getCompilingSchema(schEnv) {
      for (const sch of this._compilations) {
        if (sameSchemaEnv(sch, schEnv))
          return sch;
      }
    }
    exports.getCompilingSchema = getCompilingSchema;
    function sameSchemaEnv(s1, s2) {
      return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
    }
    function resolve(root, ref) {
      let sch;
      while (typeof (sch = this.refs[ref]) == "string")
        ref = sch;
      return sch || this.schemas[ref] || resolveSchema.call(this, root, ref);
    }
    function resolveSchema(root, ref) {
      const p = this.opts.uriResolver.parse(ref);
      const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
      let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root.baseId, void 0);
      if (Object.keys(root.schema).length > 0 && refPath === baseId) {
        return getJsonPointer.call(this, p, root);
      }
      const id = (0, resolve_1.normalizeId)(refPath);
      const schOrRef = this.refs[id] || this.schemas[id];
      if (typeof schOrRef == "string") {
        const sch = resolveSchema.call(this, root, schOrRef);
        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
          return;
        return getJsonPointer.call(this, p, sch);
      }
      if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
        return;
      if (!schOrRef.validate)
        compileSchema.call(this, schOrRef);
      if (id === (0, resolve_1.normalizeId)(ref)) {
        const { schema } = schOrRef;
        const { schemaId } = this.opts;
        const schId = schema[schemaId];
        if (schId)
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        return new SchemaEnv({ schema, schemaId, root, baseId });
      }
      return getJsonPointer.call(this, p, schOrRef);
    }
    exports.resolveSchema = resolveSchema;
    var PREVENT_SCOPE_CHANGE = /* @__PURE__ */ new Set([
      "properties",
      "patternProperties",
      "enum",
      "dependencies",
      "definitions"
    ]);
    function getJsonPointer(parsedRef, { baseId, schema, root }) {
      var _a;
      if (((_a = parsedRef.fragment) === null || _a === void 0 ? void 0 : _a[0]) !== "/")
        return;
      for (const part of parsedRef.fragment.slice(1).split("/")) {
        if (typeof schema === "boolean")
          return;
        const partSchema = schema[(0, util_1.unescapeFragment)(part)];
        if (partSchema === void 0)
          return;
        schema = partSchema;
        const schId = typeof schema === "object" && schema[this.opts.schemaId];
        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        }
      }
      let env;
      if (typeof schema != "boolean" && schema.$ref && !(0, util_1.schemaHasRulesButRef)(schema, this.RULES)) {
        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema.$ref);
        env = resolveSchema.call(this, root, $ref);
      }
      const { schemaId } = this.opts;
      env = env || new SchemaEnv({ schema, schemaId, root, baseId });
      if (env.schema !== env.root.schema)
        return env;
      return void 0;
    }
  }
});

// ../../main/node_modules/ajv/dist/refs/data.json
var require_data = __commonJS({
  "../../main/node_modules/ajv/dist/refs/data.json"(exports, module) {
    module.exports = {
      $id: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
      description: "Meta-schema for $data reference (JSON AnySchema extension proposal)",
      type: "object",
      required: ["$data"],
      properties: {
        $data: {
          type: "string",
          anyOf: [{ format: "relative-json-pointer" }, { format: "json-pointer" }]
        }
      },
      additionalProperties: false
    };
  }
});

// ../../main/node_modules/fast-uri/lib/utils.js
var require_utils = __commonJS({
  "../../main/node_modules/fast-uri/lib/utils.js"(exports, module) {
    "use strict";
    var isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu);
    var isIPv4 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u);
    var isPort = RegExp.prototype.test.bind(/^\d*$/u);
    var isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu);
    var isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu);
    var isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u);
    var isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u);
    var isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u);
    var BYTE_HEX = new Array(256);
    {
      const HEX_DIGITS = "0123456789ABCDEF";
      for (let i = 0; i < 256; i++) {
        BYTE_HEX[i] = "%" + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 15];
      }
    }
    function percentEncodeNonAscii(cp) {
      if (cp < 2048) {
        return BYTE_HEX[192 | cp >> 6] + BYTE_HEX[128 | cp & 63];
      }
      if (cp < 65536) {
        return BYTE_HEX[224 | cp >> 12] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
      }
      return BYTE_HEX[240 | cp >> 18] + BYTE_HEX[128 | cp >> 12 & 63] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
    }
    function stringArrayToHexStripped(input) {
      let acc = "";
      let code2 = 0;
      let i = 0;
      for (i = 0; i < input.length; i++) {
        code2 = input[i].charCodeAt(0);
        if (code2 === 48) {
          continue;
        }
        if (!(code2 >= 48 && code2 <= 57 || code2 >= 65 && code2 <= 70 || code2 >= 97 && code2 <= 102)) {
          return "";
        }
        acc += input[i];
        break;
      }
      for (i += 1; i < input.length; i++) {
        code2 = input[i].charCodeAt(0);
        if (!(code2 >= 48 && code2 <= 57 || code2 >= 65 && code2 <= 70 || code2 >= 97 && code2 <= 102)) {
          return "";
        }
        acc += input[i];
      }
      return acc;
    }
    var isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/);
    var isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/);
    var isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/);
    var nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u);
    function isZoneIdentifier(zone) {
      if (zone.length === 0) return false;
      for (let i = 0; i < zone.length; i++) {
        if (isZoneCharacter(zone[i])) continue;
        if (zone[i] === "%" && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
          i += 2;
          continue;
        }
        return false;
      }
      return true;
    }
    function compressIPv6ZeroRun(hextets) {
      let bestStart = -1;
      let bestLength = 0;
      let runStart = -1;
      let runLength = 0;
      for (let i = 0; i < hextets.length; i++) {
        if (hextets[i] === "0") {
          if (runStart === -1) runStart = i;
          runLength++;
          if (runLength > bestLength) {
            bestLength = runLength;
            bestStart = runStart;
          }
        } else {
          runStart = -1;
          runLength = 0;
        }
      }
      if (bestLength < 2) return hextets.join(":");
      const head = hextets.slice(0, bestStart).join(":");
      const tail = hextets.slice(bestStart + bestLength).join(":");
      return head + "::" + tail;
    }
    function normalizeIPv6Address(input) {
      const compression = input.indexOf("::");
      if (compression !== -1 && input.indexOf("::", compression + 1) !== -1) return void 0;
      const left = compression === -1 ? input.split(":") : input.slice(0, compression).split(":");
      const right = compression === -1 ? [] : input.slice(compression + 2).split(":");
      if (compression !== -1) {
        if (left.length === 1 && left[0] === "") left.length = 0;
        if (right.length === 1 && right[0] === "") right.length = 0;
      }
      const parts = left.concat(right);
      let hextetCount = 0;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part === "") return void 0;
        if (part.indexOf(".") !== -1) {
          if (i !== parts.length - 1 || compression !== -1 && right.length === 0 || !isIPv4(part)) return void 0;
          hextetCount += 2;
          continue;
        }
        if (!isHextet(part)) return void 0;
        parts[i] = parseInt(part, 16).toString(16);
        hextetCount++;
      }
      if (compression === -1) {
        if (hextetCount !== 8) return void 0;
        return compressIPv6ZeroRun(parts);
      }
      if (hextetCount >= 8) return void 0;
      const expanded = parts.slice(0, left.length);
      for (let i = hextetCount; i < 8; i++) expanded.push("0");
      for (let i = left.length; i < parts.length; i++) expanded.push(parts[i]);
      return compressIPv6ZeroRun(expanded);
    }
    function normalizeIPv6(host) {
      const bracketed = host[0] === "[" && host[host.length - 1] === "]";
      const hasBracket = host[0] === "[" || host[host.length - 1] === "]";
      if (hasBracket && !bracketed) return { host, isIPV6: false, error: true };
      let input = bracketed ? host.slice(1, -1) : host;
      if (bracketed && isIPvFuture(input)) {
        input = input.toLowerCase();
        return { host: `[${input}]`, escapedHost: input, isIPV6: false, isIPVFuture: true };
      }
      if (findToken(input, ":") < 2) {
        return { host, isIPV6: false, error: bracketed };
      }
      let zoneIdentifier = "";
      const zoneSeparator = input.indexOf("%");
      if (zoneSeparator !== -1) {
        const separatorLength = input.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === "%25" ? 3 : 1;
        zoneIdentifier = input.slice(zoneSeparator + separatorLength);
        if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true };
        input = input.slice(0, zoneSeparator);
      }
      const address = normalizeIPv6Address(input);
      if (address === void 0) return { host, isIPV6: false, error: true };
      return {
        host: address + (zoneIdentifier ? "%" + zoneIdentifier : ""),
        escapedHost: address + (zoneIdentifier ? "%25" + zoneIdentifier : ""),
        isIPV6: true
      };
    }
    function findToken(str, token) {
      let ind = 0;
      for (let i = 0; i < str.length; i++) {
        if (str[i] === token) ind++;
      }
      return ind;
    }
    function removeDotSegments(path34) {
      let input = path34;
      const output = [];
      let nextSlash = -1;
      let len = 0;
      while (len = input.length) {
        if (len === 1) {
          if (input === ".") {
            break;
          } else if (input === "/") {
            output.push("/");
            break;
          } else {
            output.push(input);
            break;
          }
        } else if (len === 2) {
          if (input[0] === ".") {
            if (input[1] === ".") {
              break;
            } else if (input[1] === "/") {
              input = input.slice(2);
              continue;
            }
          } else if (input[0] === "/") {
            if (input[1] === "." || input[1] === "/") {
              output.push("/");
              break;
            }
          }
        } else if (len === 3) {
          if (input === "/..") {
            if (output.length !== 0) {
              output.pop();
            }
            output.push("/");
            break;
          }
        }
        if (input[0] === ".") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(3);
              continue;
            }
          } else if (input[1] === "/") {
            input = input.slice(2);
            continue;
          }
        } else if (input[0] === "/") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(2);
              continue;
            } else if (input[2] === ".") {
              if (input[3] === "/") {
                input = input.slice(3);
                if (output.length !== 0) {
                  output.pop();
                }
                continue;
              }
            }
          }
        }
        if ((nextSlash = input.indexOf("/", 1)) === -1) {
          output.push(input);
          break;
        } else {
          output.push(input.slice(0, nextSlash));
          input = input.slice(nextSlash);
        }
      }
      return output.join("");
    }
    function removeDotSegmentsRelative(path34) {
      if (path34 === "" || path34[0] === "/") {
        return removeDotSegments(path34);
      }
      const segments = path34.split("/");
      const last = segments.length - 1;
      const output = [];
      let trailingDirectory = false;
      for (let i = 0; i <= last; i++) {
        const segment = segments[i];
        if (segment === "." || segment === "..") {
          if (segment === "..") {
            if (output.length !== 0 && output[output.length - 1] !== "..") {
              output.pop();
            } else {
              output.push("..");
            }
          }
          trailingDirectory = i === last;
        } else {
          output.push(segment);
        }
      }
      if (trailingDirectory && output[output.length - 1] !== "..") {
        output.push("");
      }
      if (output.length === 0 || output[0] === "" || output[0].includes(":")) {
        output.unshift(".");
      }
      return output.join("/");
    }
    var HOST_DELIMS = { "@": "%40", "/": "%2F", "?": "%3F", "#": "%23", ":": "%3A" };
    var HOST_DELIM_RE = /[@/?#:]/g;
    var HOST_DELIM_NO_COLON_RE = /[@/?#]/g;
    function reescapeHostDelimiters(host, isIP) {
      const re = isIP ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE;
      re.lastIndex = 0;
      return host.replace(re, (ch) => HOST_DELIMS[ch]);
    }
    function normalizePercentEncoding(input, decodeUnreserved = false) {
      if (input.indexOf("%") === -1) {
        return input;
      }
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decodeUnreserved && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        output += input[i];
      }
      return output;
    }
    function normalizePathEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decoded !== "." && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isPathCharacter(ch)) {
          output += ch;
        } else {
          const code2 = input.charCodeAt(i);
          if (code2 < 128) {
            output += isEscapeSafe(code2) ? ch : BYTE_HEX[code2];
          } else if (code2 < 55296 || code2 > 57343) {
            output += percentEncodeNonAscii(code2);
          } else if (code2 <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code2 - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function serializePathEncoding(input, pathNoScheme = false) {
      let output = "";
      let firstSegment = pathNoScheme && input[0] !== "/";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (ch === "/") {
          firstSegment = false;
        }
        if (isPathCharacter(ch) && (ch !== ":" || !firstSegment)) {
          output += ch;
        } else {
          const code2 = input.charCodeAt(i);
          if (code2 < 128) {
            output += BYTE_HEX[code2];
          } else if (code2 < 55296 || code2 > 57343) {
            output += percentEncodeNonAscii(code2);
          } else if (code2 <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code2 - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeComponent(input, isAllowed) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (isAllowed(ch)) {
          output += ch;
        } else {
          const code2 = input.charCodeAt(i);
          if (code2 < 128) {
            output += BYTE_HEX[code2];
          } else if (code2 < 55296 || code2 > 57343) {
            output += percentEncodeNonAscii(code2);
          } else if (code2 <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code2 - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeUserinfo(input) {
      return encodeComponent(input, isUserinfoCharacter);
    }
    function encodeQuery(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function encodeFragment(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function isEscapeSafe(cp) {
      return cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122 || cp === 42 || cp === 43 || cp === 45 || cp === 46 || cp === 47 || cp === 64 || cp === 95;
    }
    function normalizeQueryFragmentEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isQueryFragmentCharacter(ch)) {
          output += ch;
        } else {
          const code2 = input.charCodeAt(i);
          if (code2 < 128) {
            output += isEscapeSafe(code2) ? ch : BYTE_HEX[code2];
          } else if (code2 < 55296 || code2 > 57343) {
            output += percentEncodeNonAscii(code2);
          } else if (code2 <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code2 - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function escapePreservingEscapes(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        output += escape(input[i]);
      }
      return output;
    }
    function recomposeAuthority(component) {
      const uriTokens = [];
      if (component.userinfo !== void 0) {
        uriTokens.push(encodeUserinfo(component.userinfo));
        uriTokens.push("@");
      }
      if (component.host !== void 0) {
        let host = component.host;
        if (!isIPv4(host)) {
          let ipV6res = normalizeIPv6(host);
          if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
            host = normalizePercentEncoding(host, true);
            ipV6res = normalizeIPv6(host);
          }
          if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
            host = `[${ipV6res.escapedHost}]`;
          } else {
            host = reescapeHostDelimiters(host, false);
          }
        }
        uriTokens.push(host);
      }
      if (typeof component.port === "number" || typeof component.port === "string") {
        const port = String(component.port);
        if (!isPort(port)) {
          throw new TypeError("URI port is malformed.");
        }
        uriTokens.push(":");
        uriTokens.push(port);
      }
      return uriTokens.length ? uriTokens.join("") : void 0;
    }
    module.exports = {
      nonSimpleDomain,
      recomposeAuthority,
      reescapeHostDelimiters,
      normalizePercentEncoding,
      normalizePathEncoding,
      serializePathEncoding,
      normalizeQueryFragmentEncoding,
      encodeUserinfo,
      encodeQuery,
      encodeFragment,
      escapePreservingEscapes,
      removeDotSegments,
      removeDotSegmentsRelative,
      isIPv4,
      isUUID,
      normalizeIPv6,
      stringArrayToHexStripped
    };
  }
});

// ../../main/node_modules/fast-uri/lib/schemes.js
var require_schemes = __commonJS({
  "../../main/node_modules/fast-uri/lib/schemes.js"(exports, module) {
    "use strict";
    var { isUUID } = require_utils();
    var URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu;
    var supportedSchemeNames = (
      /** @type {const} */
      [
        "http",
        "https",
        "ws",
        "wss",
        "urn",
        "urn:uuid"
      ]
    );
    function isValidSchemeName(name) {
      return supportedSchemeNames.indexOf(
        /** @type {*} */
        name
      ) !== -1;
    }
    function wsIsSecure(wsComponent) {
      if (wsComponent.secure === true) {
        return true;
      } else if (wsComponent.secure === false) {
        return false;
      } else if (wsComponent.scheme) {
        return wsComponent.scheme.length === 3 && (wsComponent.scheme[0] === "w" || wsComponent.scheme[0] === "W") && (wsComponent.scheme[1] === "s" || wsComponent.scheme[1] === "S") && (wsComponent.scheme[2] === "s" || wsComponent.scheme[2] === "S");
      } else {
        return false;
      }
    }
    function httpParse(component) {
      if (!component.host) {
        component.error = component.error || "HTTP URIs must have a host.";
      }
      return component;
    }
    function httpSerialize(component) {
      const secure = String(component.scheme).toLowerCase() === "https";
      if (component.port === (secure ? 443 : 80) || component.port === "") {
        component.port = void 0;
      }
      if (!component.path) {
        component.path = "/";
      }
      return component;
    }
    function wsParse(wsComponent) {
      wsComponent.secure = wsIsSecure(wsComponent);
      wsComponent.resourceName = (wsComponent.path || "/") + (wsComponent.query ? "?" + wsComponent.query : "");
      wsComponent.path = void 0;
      wsComponent.query = void 0;
      return wsComponent;
    }
    function wsSerialize(wsComponent) {
      if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === "") {
        wsComponent.port = void 0;
      }
      if (typeof wsComponent.secure === "boolean") {
        wsComponent.scheme = wsComponent.secure ? "wss" : "ws";
        wsComponent.secure = void 0;
      }
      if (wsComponent.resourceName) {
        const queryIndex = wsComponent.resourceName.indexOf("?");
        const path34 = queryIndex === -1 ? wsComponent.resourceName : wsComponent.resourceName.slice(0, queryIndex);
        wsComponent.path = path34 && path34 !== "/" ? path34 : void 0;
        wsComponent.query = queryIndex === -1 ? void 0 : wsComponent.resourceName.slice(queryIndex + 1);
        wsComponent.resourceName = void 0;
      }
      wsComponent.fragment = void 0;
      return wsComponent;
    }
    function urnParse(urnComponent, options) {
      if (!urnComponent.path) {
        urnComponent.error = "URN can not be parsed";
        return urnComponent;
      }
      const matches = urnComponent.path.match(URN_REG);
      if (matches && matches[0] === urnComponent.path) {
        const scheme = options.scheme || urnComponent.scheme || "urn";
        urnComponent.nid = matches[1].toLowerCase();
        urnComponent.nss = matches[2];
        const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`;
        const schemeHandler = getSchemeHandler(urnScheme);
        urnComponent.path = void 0;
        if (schemeHandler) {
          urnComponent = schemeHandler.parse(urnComponent, options);
        }
      } else {
        urnComponent.error = urnComponent.error || "URN can not be parsed.";
      }
      return urnComponent;
    }
    function urnSerialize(urnComponent, options) {
      if (urnComponent.nid === void 0) {
        throw new Error("URN without nid cannot be serialized");
      }
      const scheme = options.scheme || urnComponent.scheme || "urn";
      const nid = urnComponent.nid.toLowerCase();
      const urnScheme = `${scheme}:${options.nid || nid}`;
      const schemeHandler = getSchemeHandler(urnScheme);
      if (schemeHandler) {
        urnComponent = schemeHandler.serialize(urnComponent, options);
      }
      const uriComponent = urnComponent;
      const nss = urnComponent.nss;
      uriComponent.path = `${nid || options.nid}:${nss}`;
      options.skipEscape = true;
      return uriComponent;
    }
    function urnuuidParse(urnComponent, options) {
      const uuidComponent = urnComponent;
      uuidComponent.uuid = uuidComponent.nss;
      uuidComponent.nss = void 0;
      if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
        uuidComponent.error = uuidComponent.error || "UUID is not valid.";
      }
      return uuidComponent;
    }
    function urnuuidSerialize(uuidComponent) {
      const urnComponent = uuidComponent;
      urnComponent.nss = (uuidComponent.uuid || "").toLowerCase();
      return urnComponent;
    }
    var http = (
      /** @type {SchemeHandler} */
      {
        scheme: "http",
        domainHost: true,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var https = (
      /** @type {SchemeHandler} */
      {
        scheme: "https",
        domainHost: http.domainHost,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var ws = (
      /** @type {SchemeHandler} */
      {
        scheme: "ws",
        domainHost: true,
        parse: wsParse,
        serialize: wsSerialize
      }
    );
    var wss = (
      /** @type {SchemeHandler} */
      {
        scheme: "wss",
        domainHost: ws.domainHost,
        parse: ws.parse,
        serialize: ws.serialize
      }
    );
    var urn = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn",
        parse: urnParse,
        serialize: urnSerialize,
        skipNormalize: true
      }
    );
    var urnuuid = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn:uuid",
        parse: urnuuidParse,
        serialize: urnuuidSerialize,
        skipNormalize: true
      }
    );
    var SCHEMES = (
      /** @type {Record<SchemeName, SchemeHandler>} */
      {
        http,
        https,
        ws,
        wss,
        urn,
        "urn:uuid": urnuuid
      }
    );
    Object.setPrototypeOf(SCHEMES, null);
    function getSchemeHandler(scheme) {
      return scheme && (SCHEMES[
        /** @type {SchemeName} */
        scheme
      ] || SCHEMES[
        /** @type {SchemeName} */
        scheme.toLowerCase()
      ]) || void 0;
    }
    module.exports = {
      wsIsSecure,
      SCHEMES,
      isValidSchemeName,
      getSchemeHandler
    };
  }
});

// ../../main/node_modules/fast-uri/index.js
var require_fast_uri = __commonJS({
  "../../main/node_modules/fast-uri/index.js"(exports, module) {
    "use strict";
    var { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery, encodeFragment, reescapeHostDelimiters, isIPv4, nonSimpleDomain } = require_utils();
    var { SCHEMES, getSchemeHandler } = require_schemes();
    var VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u;
    var MALFORMED_SCHEME_ERROR = "URI scheme is malformed.";
    var MALFORMED_HOST_ERROR = "URI host is malformed.";
    var FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u;
    function validateScheme(scheme) {
      const stringScheme = String(scheme);
      if (!VALID_SCHEME.test(stringScheme)) {
        throw new TypeError(MALFORMED_SCHEME_ERROR);
      }
      return stringScheme;
    }
    function normalize(uri, options) {
      if (typeof uri === "string") {
        uri = /** @type {T} */
        normalizeString(uri, options);
      } else if (typeof uri === "object") {
        uri = /** @type {T} */
        parse(serialize(uri, options), options);
      }
      return uri;
    }
    function resolve(baseURI, relativeURI, options) {
      const schemelessOptions = options ? Object.assign({ scheme: "null" }, options) : { scheme: "null" };
      const {
        parsed: baseParsed,
        malformedAuthorityOrPort: baseMalformed,
        malformedPercentEncoding: baseMalformedPercentEncoding,
        malformedSchemeSpecific: baseMalformedSchemeSpecific,
        malformedHost: baseMalformedHost,
        malformedScheme: baseMalformedScheme
      } = parseWithStatus(baseURI, schemelessOptions);
      const {
        parsed: relativeParsed,
        malformedAuthorityOrPort: relativeMalformed,
        malformedPercentEncoding: relativeMalformedPercentEncoding,
        malformedSchemeSpecific: relativeMalformedSchemeSpecific,
        malformedHost: relativeMalformedHost,
        malformedScheme: relativeMalformedScheme
      } = parseWithStatus(relativeURI, schemelessOptions);
      if (baseMalformed || relativeMalformed || baseMalformedPercentEncoding || relativeMalformedPercentEncoding || baseMalformedSchemeSpecific || relativeMalformedSchemeSpecific || baseMalformedHost || relativeMalformedHost || baseMalformedScheme || relativeMalformedScheme) {
        throw new Error(baseParsed.error || relativeParsed.error || "URI is malformed.");
      }
      const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true);
      const resolvedSchemeHandler = getSchemeHandler(options && options.scheme || resolved.scheme);
      const resolvedHost = resolved.host;
      const resolvedHostIsIP = resolvedHost !== void 0 && resolvedHost !== "" && (isIPv4(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6);
      if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
        throw new Error(MALFORMED_HOST_ERROR);
      }
      canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP);
      const encodedASCIIHost = resolvedHost && resolvedHost.indexOf("%") !== -1 && !new RegExp("\\P{ASCII}", "u").test(resolvedHost);
      if (resolved.error && !encodedASCIIHost) {
        throw new Error(resolved.error);
      }
      schemelessOptions.skipEscape = true;
      return serialize(resolved, schemelessOptions);
    }
    function resolveComponent(base, relative, options, skipNormalization) {
      const target = {};
      if (!skipNormalization) {
        base = parse(serialize(base, options), options);
        relative = parse(serialize(relative, options), options);
      }
      options = options || {};
      if (!options.tolerant && relative.scheme) {
        target.scheme = relative.scheme;
        target.userinfo = relative.userinfo;
        target.host = relative.host;
        target.port = relative.port;
        target.path = removeDotSegments(relative.path || "");
        target.query = relative.query;
      } else {
        if (relative.userinfo !== void 0 || relative.host !== void 0 || relative.port !== void 0) {
          target.userinfo = relative.userinfo;
          target.host = relative.host;
          target.port = relative.port;
          target.path = removeDotSegments(relative.path || "");
          target.query = relative.query;
        } else {
          if (!relative.path) {
            target.path = base.path;
            if (relative.query !== void 0) {
              target.query = relative.query;
            } else {
              target.query = base.query;
            }
          } else {
            if (relative.path[0] === "/") {
              target.path = removeDotSegments(relative.path);
            } else {
              const baseHasAuthority = base.userinfo !== void 0 || base.host !== void 0 || base.port !== void 0;
              if (baseHasAuthority && !base.path) {
                target.path = "/" + relative.path;
              } else if (!base.path) {
                target.path = relative.path;
              } else {
                target.path = base.path.slice(0, base.path.lastIndexOf("/") + 1) + relative.path;
              }
              target.path = base.scheme === void 0 && !baseHasAuthority && target.path[0] !== "/" ? removeDotSegmentsRelative(target.path) : removeDotSegments(target.path);
            }
            target.query = relative.query;
          }
          target.userinfo = base.userinfo;
          target.host = base.host;
          target.port = base.port;
        }
        target.scheme = base.scheme;
      }
      target.fragment = relative.fragment;
      return target;
    }
    function equal(uriA, uriB, options) {
      const normalizedA = normalizeComparableURI(uriA, options);
      const normalizedB = normalizeComparableURI(uriB, options);
      return normalizedA !== void 0 && normalizedB !== void 0 && normalizedA === normalizedB;
    }
    function serialize(cmpts, opts) {
      const component = {
        host: cmpts.host,
        scheme: cmpts.scheme,
        userinfo: cmpts.userinfo,
        port: cmpts.port,
        path: cmpts.path,
        query: cmpts.query,
        nid: cmpts.nid,
        nss: cmpts.nss,
        uuid: cmpts.uuid,
        fragment: cmpts.fragment,
        reference: cmpts.reference,
        resourceName: cmpts.resourceName,
        secure: cmpts.secure,
        error: ""
      };
      const options = Object.assign({}, opts);
      const uriTokens = [];
      if (component.scheme) {
        component.scheme = validateScheme(component.scheme);
      }
      const schemeHandler = getSchemeHandler(options.scheme || component.scheme);
      if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component, options);
      const hasAuthority = component.userinfo !== void 0 || component.host !== void 0 || component.port !== void 0;
      const schemelessReference = (component.scheme === void 0 || options.reference === "suffix") && !hasAuthority;
      const pathNoScheme = !options.skipEscape && schemelessReference;
      if (component.path !== void 0) {
        if (!options.skipEscape) {
          component.path = serializePathEncoding(component.path, pathNoScheme);
        } else {
          component.path = normalizePercentEncoding(component.path);
        }
      }
      if (options.reference !== "suffix" && component.scheme) {
        component.scheme = validateScheme(component.scheme);
        uriTokens.push(component.scheme, ":");
      }
      const authority = recomposeAuthority(component);
      if (authority !== void 0) {
        if (options.reference !== "suffix") {
          uriTokens.push("//");
        }
        uriTokens.push(authority);
        if (component.path && component.path[0] !== "/") {
          uriTokens.push("/");
        }
      }
      if (component.path !== void 0) {
        let s = component.path;
        if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
          s = schemelessReference && s[0] !== "/" ? removeDotSegmentsRelative(s) : removeDotSegments(s);
        }
        if (schemelessReference) {
          s = serializePathEncoding(s, true);
        }
        if (authority === void 0 && s[0] === "/" && s[1] === "/") {
          s = "/%2F" + s.slice(2);
        }
        uriTokens.push(s);
      }
      if (component.query !== void 0) {
        uriTokens.push("?", encodeQuery(component.query));
      }
      if (component.fragment !== void 0) {
        uriTokens.push("#", encodeFragment(component.fragment));
      }
      return uriTokens.join("");
    }
    var URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u;
    var AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/;
    var AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/;
    function getParseError(parsed, matches) {
      if (matches[2] !== void 0 && parsed.path && parsed.path[0] !== "/") {
        return 'URI path must start with "/" when authority is present.';
      }
      if (typeof parsed.port === "number" && (parsed.port < 0 || parsed.port > 65535)) {
        return "URI port is malformed.";
      }
      return void 0;
    }
    function hasMalformedPercentEncoding(component) {
      if (component === void 0) return false;
      let percent = component.indexOf("%");
      while (percent !== -1) {
        if (percent + 2 >= component.length || !/^[\da-f]{2}$/iu.test(component.slice(percent + 1, percent + 3))) {
          return true;
        }
        percent = component.indexOf("%", percent + 3);
      }
      return false;
    }
    function isIPLiteral(host) {
      return host[0] === "[" && host[host.length - 1] === "]";
    }
    function hasMalformedComponentPercentEncoding(matches) {
      const host = matches[4];
      return hasMalformedPercentEncoding(matches[3]) || host !== void 0 && !isIPLiteral(host) && hasMalformedPercentEncoding(host) || hasMalformedPercentEncoding(matches[6]) || hasMalformedPercentEncoding(matches[7]) || hasMalformedPercentEncoding(matches[8]);
    }
    function canonicalizeHost(parsed, options, schemeHandler, isIP) {
      if (hasForbiddenDomainHost(parsed, options, schemeHandler, isIP)) {
        parsed.error = parsed.error || MALFORMED_HOST_ERROR;
        return true;
      }
      if (!options.unicodeSupport && (!schemeHandler || !schemeHandler.unicodeSupport) && parsed.host && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && isIP === false && nonSimpleDomain(parsed.host)) {
        let url;
        try {
          url = new URL("http://" + parsed.host);
        } catch (e) {
          parsed.error = parsed.error || "Host's domain name can not be converted to ASCII: " + e;
          return true;
        }
        if (!isHostOnlyURL(url)) {
          parsed.error = parsed.error || MALFORMED_HOST_ERROR;
          return true;
        }
        parsed.host = url.hostname;
      }
      return false;
    }
    function hasForbiddenDomainHost(parsed, options, schemeHandler, isIP) {
      return Boolean(
        parsed.host && isIP === false && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed.host)
      );
    }
    function isHostOnlyURL(url) {
      return url.username === "" && url.password === "" && url.port === "" && url.pathname === "/" && url.search === "" && url.hash === "" && url.hostname !== "";
    }
    function parseWithStatus(uri, opts) {
      const options = Object.assign({}, opts);
      const parsed = {
        scheme: void 0,
        userinfo: void 0,
        host: "",
        port: void 0,
        path: "",
        query: void 0,
        fragment: void 0
      };
      let malformedAuthorityOrPort = false;
      let malformedPercentEncoding = false;
      let malformedSchemeSpecific = false;
      let malformedHost = false;
      let malformedIPLiteral = false;
      let malformedScheme = false;
      let isIP = false;
      if (options.reference === "suffix") {
        if (options.scheme) {
          uri = options.scheme + ":" + uri;
        } else {
          uri = "//" + uri;
        }
      }
      const authorityMatch = uri.match(AUTHORITY_PREFIX);
      if (authorityMatch !== null && authorityMatch[1].indexOf("\\") !== -1) {
        parsed.error = "URI authority must not contain a literal backslash.";
        malformedAuthorityOrPort = true;
      }
      const introducerMatch = uri.match(AUTHORITY_INTRODUCER_REGION);
      if (introducerMatch !== null) {
        const region = introducerMatch[1];
        const normalizedRegion = region.replace(/[\t\n\r]/g, "");
        if (normalizedRegion.length >= 2) {
          if (normalizedRegion.slice(0, 2) !== "//") {
            parsed.error = parsed.error || "URI authority must not contain a literal backslash.";
            malformedAuthorityOrPort = true;
          } else if (region.length !== normalizedRegion.length) {
            parsed.error = parsed.error || "URI authority introducer must not contain whitespace.";
            malformedAuthorityOrPort = true;
          }
        }
      }
      const matches = uri.match(URI_PARSE);
      if (matches) {
        parsed.scheme = matches[1];
        parsed.userinfo = matches[3];
        parsed.host = matches[4];
        parsed.port = parseInt(matches[5], 10);
        parsed.path = matches[6] || "";
        parsed.query = matches[7];
        parsed.fragment = matches[8];
        if (parsed.scheme !== void 0) {
          if (VALID_SCHEME.test(parsed.scheme)) {
            parsed.scheme = parsed.scheme.toLowerCase();
          } else {
            parsed.error = parsed.error || MALFORMED_SCHEME_ERROR;
            malformedScheme = true;
          }
        }
        malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches);
        if (malformedPercentEncoding) {
          parsed.error = parsed.error || "URI contains malformed percent-encoding.";
        }
        if (isNaN(parsed.port)) {
          parsed.port = matches[5];
        }
        const parseError = getParseError(parsed, matches);
        if (parseError !== void 0) {
          parsed.error = parsed.error || parseError;
          malformedAuthorityOrPort = true;
        }
        if (parsed.host) {
          const ipv4result = isIPv4(parsed.host);
          if (ipv4result === false) {
            const bracketedIPLiteral = isIPLiteral(parsed.host);
            const hasIPLiteralBracket = parsed.host.indexOf("[") !== -1 || parsed.host.indexOf("]") !== -1;
            const ipv6result = normalizeIPv6(parsed.host);
            isIP = ipv6result.isIPV6 || ipv6result.isIPVFuture === true;
            malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true);
            parsed.host = isIP ? ipv6result.host : ipv6result.host.toLowerCase();
            if (malformedIPLiteral) {
              parsed.error = parsed.error || MALFORMED_HOST_ERROR;
              malformedAuthorityOrPort = true;
            }
          } else {
            isIP = true;
          }
        }
        if (parsed.scheme === void 0 && parsed.userinfo === void 0 && parsed.host === void 0 && parsed.port === void 0 && parsed.query === void 0 && !parsed.path) {
          parsed.reference = "same-document";
        } else if (parsed.scheme === void 0) {
          parsed.reference = "relative";
        } else if (parsed.fragment === void 0) {
          parsed.reference = "absolute";
        } else {
          parsed.reference = "uri";
        }
        if (options.reference && options.reference !== "suffix" && options.reference !== parsed.reference) {
          parsed.error = parsed.error || "URI is not a " + options.reference + " reference.";
        }
        const schemeHandler = getSchemeHandler(options.scheme || parsed.scheme);
        if (!malformedIPLiteral) {
          malformedHost = canonicalizeHost(parsed, options, schemeHandler, isIP);
        }
        if (uri.indexOf("%") !== -1 && parsed.host !== void 0 && !malformedIPLiteral) {
          let host = isIP ? parsed.host : normalizePercentEncoding(parsed.host, true);
          if (!isIP) {
            host = normalizePercentEncoding(host.toLowerCase());
          }
          parsed.host = isIP || options.scheme !== "null" ? reescapeHostDelimiters(host, isIP) : host;
        }
        if (!schemeHandler || schemeHandler && !schemeHandler.skipNormalize) {
          if (parsed.path) {
            parsed.path = normalizePathEncoding(parsed.path);
          }
          if (parsed.query) {
            parsed.query = normalizeQueryFragmentEncoding(parsed.query);
          }
          if (parsed.fragment) {
            parsed.fragment = normalizeQueryFragmentEncoding(parsed.fragment);
          }
        }
        if (schemeHandler && schemeHandler.parse) {
          schemeHandler.parse(parsed, options);
          if (schemeHandler === SCHEMES.urn && parsed.nid === void 0) {
            malformedSchemeSpecific = true;
          }
        }
      } else {
        parsed.error = parsed.error || "URI can not be parsed.";
      }
      return { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme };
    }
    function parse(uri, opts) {
      return parseWithStatus(uri, opts).parsed;
    }
    function normalizeString(uri, opts) {
      return normalizeStringWithStatus(uri, opts).normalized;
    }
    function normalizeStringWithStatus(uri, opts) {
      const { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri, opts);
      return {
        normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri : serialize(parsed, opts),
        malformedAuthorityOrPort,
        malformedPercentEncoding,
        malformedSchemeSpecific,
        malformedHost,
        malformedScheme
      };
    }
    function normalizeComparableURI(uri, opts) {
      if (typeof uri !== "string" && typeof uri !== "object") {
        return void 0;
      }
      let value;
      try {
        value = typeof uri === "string" ? uri : serialize(uri, opts);
      } catch {
        return void 0;
      }
      const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value, opts);
      return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? void 0 : normalized;
    }
    var fastUri = {
      SCHEMES,
      normalize,
      resolve,
      resolveComponent,
      equal,
      serialize,
      parse
    };
    module.exports = fastUri;
    module.exports.default = fastUri;
    module.exports.fastUri = fastUri;
  }
});

// ../../main/node_modules/ajv/dist/runtime/uri.js
var require_uri = __commonJS({
  "../../main/node_modules/ajv/dist/runtime/uri.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var uri = require_fast_uri();
    uri.code = 'require("ajv/dist/runtime/uri").default';
    exports.default = uri;
  }
});

// ../../main/node_modules/ajv/dist/core.js
var require_core = __commonJS({
  "../../main/node_modules/ajv/dist/core.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = void 0;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    var ref_error_1 = require_ref_error();
    var rules_1 = require_rules();
    var compile_1 = require_compile();
    var codegen_2 = require_codegen();
    var resolve_1 = require_resolve();
    var dataType_1 = require_dataType();
    var util_1 = require_util();
    var $dataRefSchema = require_data();
    var uri_1 = require_uri();
    var defaultRegExp = (str, flags) => new RegExp(str, flags);
    defaultRegExp.code = "new RegExp";
    var META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
    var EXT_SCOPE_NAMES = /* @__PURE__ */ new Set([
      "validate",
      "serialize",
      "parse",
      "wrapper",
      "root",
      "schema",
      "keyword",
      "pattern",
      "formats",
      "validate$data",
      "func",
      "obj",
      "Error"
    ]);
    var removedOptions = {
      errorDataPath: "",
      format: "`validateFormats: false` can be used instead.",
      nullable: '"nullable" keyword is supported by default.',
      jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
      extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
      missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
      processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
      sourceCode: "Use option `code: {source: true}`",
      strictDefaults: "It is default now, see option `strict`.",
      strictKeywords: "It is default now, see option `strict`.",
      uniqueItems: '"uniqueItems" keyword is always validated.',
      unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
      cache: "Map is used as cache, schema object as key.",
      serialize: "Map is used as cache, schema object as key.",
      ajvErrors: "It is default now."
    };
    var deprecatedOptions = {
      ignoreKeywordsWithRef: "",
      jsPropertySyntax: "",
      unicode: '"minLength"/"maxLength" account for unicode characters by default.'
    };
    var MAX_EXPRESSION = 200;
    function requiredOptions(o) {
      var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
      const s = o.strict;
      const _optz = (_a = o.code) === null || _a === void 0 ? void 0 : _a.optimize;
      const optimize = _optz === true || _optz === void 0 ? 1 : _optz || 0;
      const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
      const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
      return {
        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
        uriResolver
      };
    }
    var Ajv3 = class {
      constructor(opts = {}) {
        this.schemas = {};
        this.refs = {};
        this.formats = /* @__PURE__ */ Object.create(null);
        this._compilations = /* @__PURE__ */ new Set();
        this._loading = {};
        this._cache = /* @__PURE__ */ new Map();
        opts = this.opts = { ...opts, ...requiredOptions(opts) };
        const { es5, lines } = this.opts.code;
        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
        this.logger = getLogger(opts.logger);
        const formatOpt = opts.validateFormats;
        opts.validateFormats = false;
        this.RULES = (0, rules_1.getRules)();
        checkOptions.call(this, removedOptions, opts, "NOT SUPPORTED");
        checkOptions.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
        this._metaOpts = getMetaSchemaOptions.call(this);
        if (opts.formats)
          addInitialFormats.call(this);
        this._addVocabularies();
        this._addDefaultMetaSchema();
        if (opts.keywords)
          addInitialKeywords.call(this, opts.keywords);
        if (typeof opts.meta == "object")
          this.addMetaSchema(opts.meta);
        addInitialSchemas.call(this);
        opts.validateFormats = formatOpt;
      }
      _addVocabularies() {
        this.addKeyword("$async");
      }
      _addDefaultMetaSchema() {
        const { $data, meta, schemaId } = this.opts;
        let _dataRefSchema = $dataRefSchema;
        if (schemaId === "id") {
          _dataRefSchema = { ...$dataRefSchema };
          _dataRefSchema.id = _dataRefSchema.$id;
          delete _dataRefSchema.$id;
        }
        if (meta && $data)
          this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
      }
      defaultMeta() {
        const { meta, schemaId } = this.opts;
        return this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : void 0;
      }
      validate(schemaKeyRef, data) {
        let v;
        if (typeof schemaKeyRef == "string") {
          v = this.getSchema(schemaKeyRef);
          if (!v)
            throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
        } else {
          v = this.compile(schemaKeyRef);
        }
        const valid = v(data);
        if (!("$async" in v))
          this.errors = v.errors;
        return valid;
      }
      compile(schema, _meta) {
        const sch = this._addSchema(schema, _meta);
        return sch.validate || this._compileSchemaEnv(sch);
      }
      compileAsync(schema, meta) {
        if (typeof this.opts.loadSchema != "function") {
          throw new Error("options.loadSchema should be a function");
        }
        const { loadSchema } = this.opts;
        return runCompileAsync.call(this, schema, meta);
        async function runCompileAsync(_schema, _meta) {
          await loadMetaSchema.call(this, _schema.$schema);
          const sch = this._addSchema(_schema, _meta);
          return sch.validate || _compileAsync.call(this, sch);
        }
        async function loadMetaSchema($ref) {
          if ($ref && !this.getSchema($ref)) {
            await runCompileAsync.call(this, { $ref }, true);
          }
        }
        async function _compileAsync(sch) {
          try {
            return this._compileSchemaEnv(sch);
          } catch (e) {
            if (!(e instanceof ref_error_1.default))
              throw e;
            checkLoaded.call(this, e);
            await loadMissingSchema.call(this, e.missingSchema);
            return _compileAsync.call(this, sch);
          }
        }
        function checkLoaded({ missingSchema: ref, missingRef }) {
          if (this.refs[ref]) {
            throw new Error(`AnySchema ${ref} is loaded but ${missingRef} cannot be resolved`);
          }
        }
        async function loadMissingSchema(ref) {
          const _schema = await _loadSchema.call(this, ref);
          if (!this.refs[ref])
            await loadMetaSchema.call(this, _schema.$schema);
          if (!this.refs[ref])
            this.addSchema(_schema, ref, meta);
        }
        async function _loadSchema(ref) {
          const p = this._loading[ref];
          if (p)
            return p;
          try {
            return await (this._loading[ref] = loadSchema(ref));
          } finally {
            delete this._loading[ref];
          }
        }
      }
      // Adds schema to the instance
      addSchema(schema, key, _meta, _validateSchema = this.opts.validateSchema) {
        if (Array.isArray(schema)) {
          for (const sch of schema)
            this.addSchema(sch, void 0, _meta, _validateSchema);
          return this;
        }
        let id;
        if (typeof schema === "object") {
          const { schemaId } = this.opts;
          id = schema[schemaId];
          if (id !== void 0 && typeof id != "string") {
            throw new Error(`schema ${schemaId} must be string`);
          }
        }
        key = (0, resolve_1.normalizeId)(key || id);
        this._checkUnique(key);
        this.schemas[key] = this._addSchema(schema, _meta, key, _validateSchema, true);
        return this;
      }
      // Add schema that will be used to validate other schemas
      // options in META_IGNORE_OPTIONS are alway set to false
      addMetaSchema(schema, key, _validateSchema = this.opts.validateSchema) {
        this.addSchema(schema, key, true, _validateSchema);
        return this;
      }
      //  Validate schema against its meta-schema
      validateSchema(schema, throwOrLogError) {
        if (typeof schema == "boolean")
          return true;
        let $schema;
        $schema = schema.$schema;
        if ($schema !== void 0 && typeof $schema != "string") {
          throw new Error("$schema must be a string");
        }
        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
        if (!$schema) {
          this.logger.warn("meta-schema not available");
          this.errors = null;
          return true;
        }
        const valid = this.validate($schema, schema);
        if (!valid && throwOrLogError) {
          const message = "schema is invalid: " + this.errorsText();
          if (this.opts.validateSchema === "log")
            this.logger.error(message);
          else
            throw new Error(message);
        }
        return valid;
      }
      // Get compiled schema by `key` or `ref`.
      // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
      getSchema(keyRef) {
        let sch;
        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
          keyRef = sch;
        if (sch === void 0) {
          const { schemaId } = this.opts;
          const root = new compile_1.SchemaEnv({ schema: {}, schemaId });
          sch = compile_1.resolveSchema.call(this, root, keyRef);
          if (!sch)
            return;
          this.refs[keyRef] = sch;
        }
        return sch.validate || this._compileSchemaEnv(sch);
      }
      // Remove cached schema(s).
      // If no parameter is passed all schemas but meta-schemas are removed.
      // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
      // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
      removeSchema(schemaKeyRef) {
        if (schemaKeyRef instanceof RegExp) {
          this._removeAllSchemas(this.schemas, schemaKeyRef);
          this._removeAllSchemas(this.refs, schemaKeyRef);
          return this;
        }
        switch (typeof schemaKeyRef) {
          case "undefined":
            this._removeAllSchemas(this.schemas);
            this._removeAllSchemas(this.refs);
            this._cache.clear();
            return this;
          case "string": {
            const sch = getSchEnv.call(this, schemaKeyRef);
            if (typeof sch == "object")
              this._cache.delete(sch.schema);
            delete this.schemas[schemaKeyRef];
            delete this.refs[schemaKeyRef];
            return this;
          }
          case "object": {
            const cacheKey = schemaKeyRef;
            this._cache.delete(cacheKey);
            let id = schemaKeyRef[this.opts.schemaId];
            if (id) {
              id = (0, resolve_1.normalizeId)(id);
              delete this.schemas[id];
              delete this.refs[id];
            }
            return this;
          }
          default:
            throw new Error("ajv.removeSchema: invalid parameter");
        }
      }
      // add "vocabulary" - a collection of keywords
      addVocabulary(definitions) {
        for (const def of definitions)
          this.addKeyword(def);
        return this;
      }
      addKeyword(kwdOrDef, def) {
        let keyword;
        if (typeof kwdOrDef == "string") {
          keyword = kwdOrDef;
          if (typeof def == "object") {
            this.logger.warn("these parameters are deprecated, see docs for addKeyword");
            def.keyword = keyword;
          }
        } else if (typeof kwdOrDef == "object" && def === void 0) {
          def = kwdOrDef;
          keyword = def.keyword;
          if (Array.isArray(keyword) && !keyword.length) {
            throw new Error("addKeywords: keyword must be string or non-empty array");
          }
        } else {
          throw new Error("invalid addKeywords parameters");
        }
        checkKeyword.call(this, keyword, def);
        if (!def) {
          (0, util_1.eachItem)(keyword, (kwd) => addRule.call(this, kwd));
          return this;
        }
        keywordMetaschema.call(this, def);
        const definition = {
          ...def,
          type: (0, dataType_1.getJSONTypes)(def.type),
          schemaType: (0, dataType_1.getJSONTypes)(def.schemaType)
        };
        (0, util_1.eachItem)(keyword, definition.type.length === 0 ? (k) => addRule.call(this, k, definition) : (k) => definition.type.forEach((t) => addRule.call(this, k, definition, t)));
        return this;
      }
      getKeyword(keyword) {
        const rule = this.RULES.all[keyword];
        return typeof rule == "object" ? rule.definition : !!rule;
      }
      // Remove keyword
      removeKeyword(keyword) {
        const { RULES } = this;
        delete RULES.keywords[keyword];
        delete RULES.all[keyword];
        for (const group of RULES.rules) {
          const i = group.rules.findIndex((rule) => rule.keyword === keyword);
          if (i >= 0)
            group.rules.splice(i, 1);
        }
        return this;
      }
      // Add format
      addFormat(name, format) {
        if (typeof format == "string")
          format = new RegExp(format);
        this.formats[name] = format;
        return this;
      }
      errorsText(errors = this.errors, { separator = ", ", dataVar = "data" } = {}) {
        if (!errors || errors.length === 0)
          return "No errors";
        return errors.map((e) => `${dataVar}${e.instancePath} ${e.message}`).reduce((text2, msg) => text2 + separator + msg);
      }
      $dataMetaSchema(metaSchema, keywordsJsonPointers) {
        const rules = this.RULES.all;
        metaSchema = JSON.parse(JSON.stringify(metaSchema));
        for (const jsonPointer of keywordsJsonPointers) {
          const segments = jsonPointer.split("/").slice(1);
          let keywords = metaSchema;
          for (const seg of segments)
            keywords = keywords[seg];
          for (const key in rules) {
            const rule = rules[key];
            if (typeof rule != "object")
              continue;
            const { $data } = rule.definition;
            const schema = keywords[key];
            if ($data && schema)
              keywords[key] = schemaOrData(schema);
          }
        }
        return metaSchema;
      }
      _removeAllSchemas(schemas, regex) {
        for (const keyRef in schemas) {
          const sch = schemas[keyRef];
          if (!regex || regex.test(keyRef)) {
            if (typeof sch == "string") {
              delete schemas[keyRef];
            } else if (sch && !sch.meta) {
              this._cache.delete(sch.schema);
              delete schemas[keyRef];
            }
          }
        }
      }
      _addSchema(schema, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
        let id;
        const { schemaId } = this.opts;
        if (typeof schema == "object") {
          id = schema[schemaId];
        } else {
          if (this.opts.jtd)
            throw new Error("schema must be object");
          else if (typeof schema != "boolean")
            throw new Error("schema must be object or boolean");
        }
        let sch = this._cache.get(schema);
        if (sch !== void 0)
          return sch;
        baseId = (0, resolve_1.normalizeId)(id || baseId);
        const localRefs = resolve_1.getSchemaRefs.call(this, schema, baseId);
        sch = new compile_1.SchemaEnv({ schema, schemaId, meta, baseId, localRefs });
        this._cache.set(sch.schema, sch);
        if (addSchema && !baseId.startsWith("#")) {
          if (baseId)
            this._checkUnique(baseId);
          this.refs[baseId] = sch;
        }
        if (validateSchema)
          this.validateSchema(schema, true);
        return sch;
      }
      _checkUnique(id) {
        if (this.schemas[id] || this.refs[id]) {
          throw new Error(`schema with key or id "${id}" already exists`);
        }
      }
      _compileSchemaEnv(sch) {
        if (sch.meta)
          this._compileMetaSchema(sch);
        else
          compile_1.compileSchema.call(this, sch);
        if (!sch.validate)
          throw new Error("ajv implementation error");
        return sch.validate;
      }
      _compileMetaSchema(sch) {
        const currentOpts = this.opts;
        this.opts = this._metaOpts;
        try {
          compile_1.compileSchema.call(this, sch);
        } finally {
          this.opts = currentOpts;
        }
      }
    };
    Ajv3.ValidationError = validation_error_1.default;
    Ajv3.MissingRefError = ref_error_1.default;
    exports.default = Ajv3;
    function checkOptions(checkOpts, options, msg, log = "error") {
      for (const key in checkOpts) {
        const opt = key;
        if (opt in options)
          this.logger[log](`${msg}: option ${key}. ${checkOpts[opt]}`);
      }
    }
    function getSchEnv(keyRef) {
      keyRef = (0, resolve_1.normalizeId)(keyRef);
      return this.schemas[keyRef] || this.refs[keyRef];
    }
    function addInitialSchemas() {
      const optsSchemas = this.opts.schemas;
      if (!optsSchemas)
        return;
      if (Array.isArray(optsSchemas))
        this.addSchema(optsSchemas);
      else
        for (const key in optsSchemas)
          this.addSchema(optsSchemas[key], key);
    }
    function addInitialFormats() {
      for (const name in this.opts.formats) {
        const format = this.opts.formats[name];
        if (format)
          this.addFormat(name, format);
      }
    }
    function addInitialKeywords(defs) {
      if (Array.isArray(defs)) {
        this.addVocabulary(defs);
        return;
      }
      this.logger.warn("keywords option as map is deprecated, pass array");
      for (const keyword in defs) {
        const def = defs[keyword];
        if (!def.keyword)
          def.keyword = keyword;
        this.addKeyword(def);
      }
    }
    function getMetaSchemaOptions() {
      const metaOpts = { ...this.opts };
      for (const opt of META_IGNORE_OPTIONS)
        delete metaOpts[opt];
      return metaOpts;
    }
    var noLogs = { log() {
    }, warn() {
    }, error() {
    } };
    function getLogger(logger) {
      if (logger === false)
        return noLogs;
      if (logger === void 0)
        return console;
      if (logger.log && logger.warn && logger.error)
        return logger;
      throw new Error("logger must implement log, warn and error methods");
    }
    var KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
    function checkKeyword(keyword, def) {
      const { RULES } = this;
      (0, util_1.eachItem)(keyword, (kwd) => {
        if (RULES.keywords[kwd])
          throw new Error(`Keyword ${kwd} is already defined`);
        if (!KEYWORD_NAME.test(kwd))
          throw new Error(`Keyword ${kwd} has invalid name`);
      });
      if (!def)
        return;
      if (def.$data && !("code" in def || "validate" in def)) {
        throw new Error('$data keyword must have "code" or "validate" function');
      }
    }
    function addRule(keyword, definition, dataType) {
      var _a;
      const post = definition === null || definition === void 0 ? void 0 : definition.post;
      if (dataType && post)
        throw new Error('keyword with "post" flag cannot have "type"');
      const { RULES } = this;
      let ruleGroup = post ? RULES.post : RULES.rules.find(({ type: t }) => t === dataType);
      if (!ruleGroup) {
        ruleGroup = { type: dataType, rules: [] };
        RULES.rules.push(ruleGroup);
      }
      RULES.keywords[keyword] = true;
      if (!definition)
        return;
      const rule = {
        keyword,
        definition: {
          ...definition,
          type: (0, dataType_1.getJSONTypes)(definition.type),
          schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType)
        }
      };
      if (definition.before)
        addBeforeRule.call(this, ruleGroup, rule, definition.before);
      else
        ruleGroup.rules.push(rule);
      RULES.all[keyword] = rule;
      (_a = definition.implements) === null || _a === void 0 ? void 0 : _a.forEach((kwd) => this.addKeyword(kwd));
    }
    function addBeforeRule(ruleGroup, rule, before) {
      const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
      if (i >= 0) {
        ruleGroup.rules.splice(i, 0, rule);
      } else {
        ruleGroup.rules.push(rule);
        this.logger.warn(`rule ${before} is not defined`);
      }
    }
    function keywordMetaschema(def) {
      let { metaSchema } = def;
      if (metaSchema === void 0)
        return;
      if (def.$data && this.opts.$data)
        metaSchema = schemaOrData(metaSchema);
      def.validateSchema = this.compile(metaSchema, true);
    }
    var $dataRef = {
      $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#"
    };
    function schemaOrData(schema) {
      return { anyOf: [schema, $dataRef] };
    }
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/core/id.js
var require_id = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/core/id.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var def = {
      keyword: "id",
      code() {
        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/core/ref.js
var require_ref = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/core/ref.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.callRef = exports.getValidate = void 0;
    var ref_error_1 = require_ref_error();
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var util_1 = require_util();
    var def = {
      keyword: "$ref",
      schemaType: "string",
      code(cxt) {
        const { gen, schema: $ref, it } = cxt;
        const { baseId, schemaEnv: env, validateName, opts, self } = it;
        const { root } = env;
        if (($ref === "#" || $ref === "#/") && baseId === root.baseId)
          return callRootRef();
        const schOrEnv = compile_1.resolveRef.call(self, root, baseId, $ref);
        if (schOrEnv === void 0)
          throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
        if (schOrEnv instanceof compile_1.SchemaEnv)
          return callValidate(schOrEnv);
        return inlineRefSchema(schOrEnv);
        function callRootRef() {
          if (env === root)
            return callRef(cxt, validateName, env, env.$async);
          const rootName = gen.scopeValue("root", { ref: root });
          return callRef(cxt, (0, codegen_1._)`${rootName}.validate`, root, root.$async);
        }
        function callValidate(sch) {
          const v = getValidate(cxt, sch);
          callRef(cxt, v, sch, sch.$async);
        }
        function inlineRefSchema(sch) {
          const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
          const valid = gen.name("valid");
          const schCxt = cxt.subschema({
            schema: sch,
            dataTypes: [],
            schemaPath: codegen_1.nil,
            topSchemaRef: schName,
            errSchemaPath: $ref
          }, valid);
          cxt.mergeEvaluated(schCxt);
          cxt.ok(valid);
        }
      }
    };
    function getValidate(cxt, sch) {
      const { gen } = cxt;
      return sch.validate ? gen.scopeValue("validate", { ref: sch.validate }) : (0, codegen_1._)`${gen.scopeValue("wrapper", { ref: sch })}.validate`;
    }
    exports.getValidate = getValidate;
    function callRef(cxt, v, sch, $async) {
      const { gen, it } = cxt;
      const { allErrors, schemaEnv: env, opts } = it;
      const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
      if ($async)
        callAsyncRef();
      else
        callSyncRef();
      function callAsyncRef() {
        if (!env.$async)
          throw new Error("async schema referenced by sync schema");
        const valid = gen.let("valid");
        gen.try(() => {
          gen.code((0, codegen_1._)`await ${(0, code_1.callValidateCode)(cxt, v, passCxt)}`);
          addEvaluatedFrom(v);
          if (!allErrors)
            gen.assign(valid, true);
        }, (e) => {
          gen.if((0, codegen_1._)`!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
          addErrorsFrom(e);
          if (!allErrors)
            gen.assign(valid, false);
        });
        cxt.ok(valid);
      }
      function callSyncRef() {
        cxt.result((0, code_1.callValidateCode)(cxt, v, passCxt), () => addEvaluatedFrom(v), () => addErrorsFrom(v));
      }
      function addErrorsFrom(source) {
        const errs = (0, codegen_1._)`${source}.errors`;
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`);
        gen.assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
      }
      function addEvaluatedFrom(source) {
        var _a;
        if (!it.opts.unevaluated)
          return;
        const schEvaluated = (_a = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a === void 0 ? void 0 : _a.evaluated;
        if (it.props !== true) {
          if (schEvaluated && !schEvaluated.dynamicProps) {
            if (schEvaluated.props !== void 0) {
              it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
            }
          } else {
            const props = gen.var("props", (0, codegen_1._)`${source}.evaluated.props`);
            it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
          }
        }
        if (it.items !== true) {
          if (schEvaluated && !schEvaluated.dynamicItems) {
            if (schEvaluated.items !== void 0) {
              it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
            }
          } else {
            const items = gen.var("items", (0, codegen_1._)`${source}.evaluated.items`);
            it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
          }
        }
      }
    }
    exports.callRef = callRef;
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/core/index.js
var require_core2 = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/core/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var id_1 = require_id();
    var ref_1 = require_ref();
    var core = [
      "$schema",
      "$id",
      "$defs",
      "$vocabulary",
      { keyword: "$comment" },
      "definitions",
      id_1.default,
      ref_1.default
    ];
    exports.default = core;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/validation/limitNumber.js
var require_limitNumber = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/validation/limitNumber.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
      minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
      exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
      exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE }
    };
    var error = {
      message: ({ keyword, schemaCode }) => (0, codegen_1.str)`must be ${KWDs[keyword].okStr} ${schemaCode}`,
      params: ({ keyword, schemaCode }) => (0, codegen_1._)`{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`
    };
    var def = {
      keyword: Object.keys(KWDs),
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        cxt.fail$data((0, codegen_1._)`${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/validation/multipleOf.js
var require_multipleOf = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/validation/multipleOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must be multiple of ${schemaCode}`,
      params: ({ schemaCode }) => (0, codegen_1._)`{multipleOf: ${schemaCode}}`
    };
    var def = {
      keyword: "multipleOf",
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, schemaCode, it } = cxt;
        const prec = it.opts.multipleOfPrecision;
        const res = gen.let("res");
        const invalid = prec ? (0, codegen_1._)`Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}` : (0, codegen_1._)`${res} !== parseInt(${res})`;
        cxt.fail$data((0, codegen_1._)`(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid}))`);
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "../../main/node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/validation/limitLength.js
var require_limitLength = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/validation/limitLength.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var ucs2length_1 = require_ucs2length();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxLength" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} characters`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxLength", "minLength"],
      type: "string",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode, it } = cxt;
        const op = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
        const len = it.opts.unicode === false ? (0, codegen_1._)`${data}.length` : (0, codegen_1._)`${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
        cxt.fail$data((0, codegen_1._)`${len} ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/validation/pattern.js
var require_pattern = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/validation/pattern.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var util_1 = require_util();
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match pattern "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{pattern: ${schemaCode}}`
    };
    var def = {
      keyword: "pattern",
      type: "string",
      schemaType: "string",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const u = it.opts.unicodeRegExp ? "u" : "";
        if ($data) {
          const { regExp } = it.opts.code;
          const regExpCode = regExp.code === "new RegExp" ? (0, codegen_1._)`new RegExp` : (0, util_1.useFunc)(gen, regExp);
          const valid = gen.let("valid");
          gen.try(() => gen.assign(valid, (0, codegen_1._)`${regExpCode}(${schemaCode}, ${u}).test(${data})`), () => gen.assign(valid, false));
          cxt.fail$data((0, codegen_1._)`!${valid}`);
        } else {
          const regExp = (0, code_1.usePattern)(cxt, schema);
          cxt.fail$data((0, codegen_1._)`!${regExp}.test(${data})`);
        }
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/validation/limitProperties.js
var require_limitProperties = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/validation/limitProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxProperties" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} properties`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxProperties", "minProperties"],
      type: "object",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`Object.keys(${data}).length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/validation/required.js
var require_required = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/validation/required.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { missingProperty } }) => (0, codegen_1.str)`must have required property '${missingProperty}'`,
      params: ({ params: { missingProperty } }) => (0, codegen_1._)`{missingProperty: ${missingProperty}}`
    };
    var def = {
      keyword: "required",
      type: "object",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, schema, schemaCode, data, $data, it } = cxt;
        const { opts } = it;
        if (!$data && schema.length === 0)
          return;
        const useLoop = schema.length >= opts.loopRequired;
        if (it.allErrors)
          allErrorsMode();
        else
          exitOnErrorMode();
        if (opts.strictRequired) {
          const props = cxt.parentSchema.properties;
          const { definedProperties } = cxt.it;
          for (const requiredKey of schema) {
            if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === void 0 && !definedProperties.has(requiredKey)) {
              const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
              const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
              (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
            }
          }
        }
        function allErrorsMode() {
          if (useLoop || $data) {
            cxt.block$data(codegen_1.nil, loopAllRequired);
          } else {
            for (const prop of schema) {
              (0, code_1.checkReportMissingProp)(cxt, prop);
            }
          }
        }
        function exitOnErrorMode() {
          const missing = gen.let("missing");
          if (useLoop || $data) {
            const valid = gen.let("valid", true);
            cxt.block$data(valid, () => loopUntilMissing(missing, valid));
            cxt.ok(valid);
          } else {
            gen.if((0, code_1.checkMissingProp)(cxt, schema, missing));
            (0, code_1.reportMissingProp)(cxt, missing);
            gen.else();
          }
        }
        function loopAllRequired() {
          gen.forOf("prop", schemaCode, (prop) => {
            cxt.setParams({ missingProperty: prop });
            gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
          });
        }
        function loopUntilMissing(missing, valid) {
          cxt.setParams({ missingProperty: missing });
          gen.forOf(missing, schemaCode, () => {
            gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
            gen.if((0, codegen_1.not)(valid), () => {
              cxt.error();
              gen.break();
            });
          }, codegen_1.nil);
        }
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/validation/limitItems.js
var require_limitItems = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/validation/limitItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxItems" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} items`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxItems", "minItems"],
      type: "array",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`${data}.length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "../../main/node_modules/ajv/dist/runtime/equal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var equal = require_fast_deep_equal();
    equal.code = 'require("ajv/dist/runtime/equal").default';
    exports.default = equal;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/validation/uniqueItems.js
var require_uniqueItems = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/validation/uniqueItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dataType_1 = require_dataType();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: ({ params: { i, j } }) => (0, codegen_1.str)`must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
      params: ({ params: { i, j } }) => (0, codegen_1._)`{i: ${i}, j: ${j}}`
    };
    var def = {
      keyword: "uniqueItems",
      type: "array",
      schemaType: "boolean",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, parentSchema, schemaCode, it } = cxt;
        if (!$data && !schema)
          return;
        const valid = gen.let("valid");
        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._)`${schemaCode} === false`);
        cxt.ok(valid);
        function validateUniqueItems() {
          const i = gen.let("i", (0, codegen_1._)`${data}.length`);
          const j = gen.let("j");
          cxt.setParams({ i, j });
          gen.assign(valid, true);
          gen.if((0, codegen_1._)`${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
        }
        function canOptimize() {
          return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
        }
        function loopN(i, j) {
          const item = gen.name("item");
          const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
          const indices = gen.const("indices", (0, codegen_1._)`{}`);
          gen.for((0, codegen_1._)`;${i}--;`, () => {
            gen.let(item, (0, codegen_1._)`${data}[${i}]`);
            gen.if(wrongType, (0, codegen_1._)`continue`);
            if (itemTypes.length > 1)
              gen.if((0, codegen_1._)`typeof ${item} == "string"`, (0, codegen_1._)`${item} += "_"`);
            gen.if((0, codegen_1._)`typeof ${indices}[${item}] == "number"`, () => {
              gen.assign(j, (0, codegen_1._)`${indices}[${item}]`);
              cxt.error();
              gen.assign(valid, false).break();
            }).code((0, codegen_1._)`${indices}[${item}] = ${i}`);
          });
        }
        function loopN2(i, j) {
          const eql = (0, util_1.useFunc)(gen, equal_1.default);
          const outer = gen.name("outer");
          gen.label(outer).for((0, codegen_1._)`;${i}--;`, () => gen.for((0, codegen_1._)`${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._)`${eql}(${data}[${i}], ${data}[${j}])`, () => {
            cxt.error();
            gen.assign(valid, false).break(outer);
          })));
        }
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/validation/const.js
var require_const = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/validation/const.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to constant",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValue: ${schemaCode}}`
    };
    var def = {
      keyword: "const",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schemaCode, schema } = cxt;
        if ($data || schema && typeof schema == "object") {
          cxt.fail$data((0, codegen_1._)`!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
        } else {
          cxt.fail((0, codegen_1._)`${schema} !== ${data}`);
        }
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/validation/enum.js
var require_enum = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/validation/enum.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to one of the allowed values",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValues: ${schemaCode}}`
    };
    var def = {
      keyword: "enum",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        if (!$data && schema.length === 0)
          throw new Error("enum must have non-empty array");
        const useLoop = schema.length >= it.opts.loopEnum;
        let eql;
        const getEql = () => eql !== null && eql !== void 0 ? eql : eql = (0, util_1.useFunc)(gen, equal_1.default);
        let valid;
        if (useLoop || $data) {
          valid = gen.let("valid");
          cxt.block$data(valid, loopEnum);
        } else {
          if (!Array.isArray(schema))
            throw new Error("ajv implementation error");
          const vSchema = gen.const("vSchema", schemaCode);
          valid = (0, codegen_1.or)(...schema.map((_x, i) => equalCode(vSchema, i)));
        }
        cxt.pass(valid);
        function loopEnum() {
          gen.assign(valid, false);
          gen.forOf("v", schemaCode, (v) => gen.if((0, codegen_1._)`${getEql()}(${data}, ${v})`, () => gen.assign(valid, true).break()));
        }
        function equalCode(vSchema, i) {
          const sch = schema[i];
          return typeof sch === "object" && sch !== null ? (0, codegen_1._)`${getEql()}(${data}, ${vSchema}[${i}])` : (0, codegen_1._)`${data} === ${sch}`;
        }
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/validation/index.js
var require_validation = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/validation/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var limitNumber_1 = require_limitNumber();
    var multipleOf_1 = require_multipleOf();
    var limitLength_1 = require_limitLength();
    var pattern_1 = require_pattern();
    var limitProperties_1 = require_limitProperties();
    var required_1 = require_required();
    var limitItems_1 = require_limitItems();
    var uniqueItems_1 = require_uniqueItems();
    var const_1 = require_const();
    var enum_1 = require_enum();
    var validation = [
      // number
      limitNumber_1.default,
      multipleOf_1.default,
      // string
      limitLength_1.default,
      pattern_1.default,
      // object
      limitProperties_1.default,
      required_1.default,
      // array
      limitItems_1.default,
      uniqueItems_1.default,
      // any
      { keyword: "type", schemaType: ["string", "array"] },
      { keyword: "nullable", schemaType: "boolean" },
      const_1.default,
      enum_1.default
    ];
    exports.default = validation;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/applicator/additionalItems.js
var require_additionalItems = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/applicator/additionalItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateAdditionalItems = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "additionalItems",
      type: "array",
      schemaType: ["boolean", "object"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { parentSchema, it } = cxt;
        const { items } = parentSchema;
        if (!Array.isArray(items)) {
          (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
          return;
        }
        validateAdditionalItems(cxt, items);
      }
    };
    function validateAdditionalItems(cxt, items) {
      const { gen, schema, data, keyword, it } = cxt;
      it.items = true;
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      if (schema === false) {
        cxt.setParams({ len: items.length });
        cxt.pass((0, codegen_1._)`${len} <= ${items.length}`);
      } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
        const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items.length}`);
        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
        cxt.ok(valid);
      }
      function validateItems(valid) {
        gen.forRange("i", items.length, len, (i) => {
          cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
          if (!it.allErrors)
            gen.if((0, codegen_1.not)(valid), () => gen.break());
        });
      }
    }
    exports.validateAdditionalItems = validateAdditionalItems;
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/applicator/items.js
var require_items = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/applicator/items.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateTuple = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "array", "boolean"],
      before: "uniqueItems",
      code(cxt) {
        const { schema, it } = cxt;
        if (Array.isArray(schema))
          return validateTuple(cxt, "additionalItems", schema);
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    function validateTuple(cxt, extraItems, schArr = cxt.schema) {
      const { gen, parentSchema, data, keyword, it } = cxt;
      checkStrictTuple(parentSchema);
      if (it.opts.unevaluated && schArr.length && it.items !== true) {
        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
      }
      const valid = gen.name("valid");
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      schArr.forEach((sch, i) => {
        if ((0, util_1.alwaysValidSchema)(it, sch))
          return;
        gen.if((0, codegen_1._)`${len} > ${i}`, () => cxt.subschema({
          keyword,
          schemaProp: i,
          dataProp: i
        }, valid));
        cxt.ok(valid);
      });
      function checkStrictTuple(sch) {
        const { opts, errSchemaPath } = it;
        const l = schArr.length;
        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
        if (opts.strictTuples && !fullTuple) {
          const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
          (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
        }
      }
    }
    exports.validateTuple = validateTuple;
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/applicator/prefixItems.js
var require_prefixItems = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/applicator/prefixItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var items_1 = require_items();
    var def = {
      keyword: "prefixItems",
      type: "array",
      schemaType: ["array"],
      before: "uniqueItems",
      code: (cxt) => (0, items_1.validateTuple)(cxt, "items")
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/applicator/items2020.js
var require_items2020 = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/applicator/items2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var additionalItems_1 = require_additionalItems();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { schema, parentSchema, it } = cxt;
        const { prefixItems } = parentSchema;
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        if (prefixItems)
          (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
        else
          cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/applicator/contains.js
var require_contains = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/applicator/contains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1.str)`must contain at least ${min} valid item(s)` : (0, codegen_1.str)`must contain at least ${min} and no more than ${max} valid item(s)`,
      params: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1._)`{minContains: ${min}}` : (0, codegen_1._)`{minContains: ${min}, maxContains: ${max}}`
    };
    var def = {
      keyword: "contains",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        let min;
        let max;
        const { minContains, maxContains } = parentSchema;
        if (it.opts.next) {
          min = minContains === void 0 ? 1 : minContains;
          max = maxContains;
        } else {
          min = 1;
        }
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        cxt.setParams({ min, max });
        if (max === void 0 && min === 0) {
          (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
          return;
        }
        if (max !== void 0 && min > max) {
          (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
          cxt.fail();
          return;
        }
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          let cond = (0, codegen_1._)`${len} >= ${min}`;
          if (max !== void 0)
            cond = (0, codegen_1._)`${cond} && ${len} <= ${max}`;
          cxt.pass(cond);
          return;
        }
        it.items = true;
        const valid = gen.name("valid");
        if (max === void 0 && min === 1) {
          validateItems(valid, () => gen.if(valid, () => gen.break()));
        } else if (min === 0) {
          gen.let(valid, true);
          if (max !== void 0)
            gen.if((0, codegen_1._)`${data}.length > 0`, validateItemsWithCount);
        } else {
          gen.let(valid, false);
          validateItemsWithCount();
        }
        cxt.result(valid, () => cxt.reset());
        function validateItemsWithCount() {
          const schValid = gen.name("_valid");
          const count = gen.let("count", 0);
          validateItems(schValid, () => gen.if(schValid, () => checkLimits(count)));
        }
        function validateItems(_valid, block) {
          gen.forRange("i", 0, len, (i) => {
            cxt.subschema({
              keyword: "contains",
              dataProp: i,
              dataPropType: util_1.Type.Num,
              compositeRule: true
            }, _valid);
            block();
          });
        }
        function checkLimits(count) {
          gen.code((0, codegen_1._)`${count}++`);
          if (max === void 0) {
            gen.if((0, codegen_1._)`${count} >= ${min}`, () => gen.assign(valid, true).break());
          } else {
            gen.if((0, codegen_1._)`${count} > ${max}`, () => gen.assign(valid, false).break());
            if (min === 1)
              gen.assign(valid, true);
            else
              gen.if((0, codegen_1._)`${count} >= ${min}`, () => gen.assign(valid, true));
          }
        }
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/applicator/dependencies.js
var require_dependencies = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/applicator/dependencies.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateSchemaDeps = exports.validatePropertyDeps = exports.error = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    exports.error = {
      message: ({ params: { property, depsCount, deps } }) => {
        const property_ies = depsCount === 1 ? "property" : "properties";
        return (0, codegen_1.str)`must have ${property_ies} ${deps} when property ${property} is present`;
      },
      params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._)`{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`
      // TODO change to reference
    };
    var def = {
      keyword: "dependencies",
      type: "object",
      schemaType: "object",
      error: exports.error,
      code(cxt) {
        const [propDeps, schDeps] = splitDependencies(cxt);
        validatePropertyDeps(cxt, propDeps);
        validateSchemaDeps(cxt, schDeps);
      }
    };
    function splitDependencies({ schema }) {
      const propertyDeps = {};
      const schemaDeps = {};
      for (const key in schema) {
        if (key === "__proto__")
          continue;
        const deps = Array.isArray(schema[key]) ? propertyDeps : schemaDeps;
        deps[key] = schema[key];
      }
      return [propertyDeps, schemaDeps];
    }
    function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
      const { gen, data, it } = cxt;
      if (Object.keys(propertyDeps).length === 0)
        return;
      const missing = gen.let("missing");
      for (const prop in propertyDeps) {
        const deps = propertyDeps[prop];
        if (deps.length === 0)
          continue;
        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
        cxt.setParams({
          property: prop,
          depsCount: deps.length,
          deps: deps.join(", ")
        });
        if (it.allErrors) {
          gen.if(hasProperty, () => {
            for (const depProp of deps) {
              (0, code_1.checkReportMissingProp)(cxt, depProp);
            }
          });
        } else {
          gen.if((0, codegen_1._)`${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
          (0, code_1.reportMissingProp)(cxt, missing);
          gen.else();
        }
      }
    }
    exports.validatePropertyDeps = validatePropertyDeps;
    function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      for (const prop in schemaDeps) {
        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
          continue;
        gen.if(
          (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties),
          () => {
            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
            cxt.mergeValidEvaluated(schCxt, valid);
          },
          () => gen.var(valid, true)
          // TODO var
        );
        cxt.ok(valid);
      }
    }
    exports.validateSchemaDeps = validateSchemaDeps;
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/applicator/propertyNames.js
var require_propertyNames = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/applicator/propertyNames.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "property name must be valid",
      params: ({ params }) => (0, codegen_1._)`{propertyName: ${params.propertyName}}`
    };
    var def = {
      keyword: "propertyNames",
      type: "object",
      schemaType: ["object", "boolean"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        const valid = gen.name("valid");
        gen.forIn("key", data, (key) => {
          cxt.setParams({ propertyName: key });
          cxt.subschema({
            keyword: "propertyNames",
            data: key,
            dataTypes: ["string"],
            propertyName: key,
            compositeRule: true
          }, valid);
          gen.if((0, codegen_1.not)(valid), () => {
            cxt.error(true);
            if (!it.allErrors)
              gen.break();
          });
        });
        cxt.ok(valid);
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js
var require_additionalProperties = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var util_1 = require_util();
    var error = {
      message: "must NOT have additional properties",
      params: ({ params }) => (0, codegen_1._)`{additionalProperty: ${params.additionalProperty}}`
    };
    var def = {
      keyword: "additionalProperties",
      type: ["object"],
      schemaType: ["boolean", "object"],
      allowUndefined: true,
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, opts } = it;
        it.props = true;
        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema))
          return;
        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
        checkAdditionalProperties();
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function checkAdditionalProperties() {
          gen.forIn("key", data, (key) => {
            if (!props.length && !patProps.length)
              additionalPropertyCode(key);
            else
              gen.if(isAdditional(key), () => additionalPropertyCode(key));
          });
        }
        function isAdditional(key) {
          let definedProp;
          if (props.length > 8) {
            const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
            definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key);
          } else if (props.length) {
            definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._)`${key} === ${p}`));
          } else {
            definedProp = codegen_1.nil;
          }
          if (patProps.length) {
            definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._)`${(0, code_1.usePattern)(cxt, p)}.test(${key})`));
          }
          return (0, codegen_1.not)(definedProp);
        }
        function deleteAdditional(key) {
          gen.code((0, codegen_1._)`delete ${data}[${key}]`);
        }
        function additionalPropertyCode(key) {
          if (opts.removeAdditional === "all" || opts.removeAdditional && schema === false) {
            deleteAdditional(key);
            return;
          }
          if (schema === false) {
            cxt.setParams({ additionalProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            if (opts.removeAdditional === "failing") {
              applyAdditionalSchema(key, valid, false);
              gen.if((0, codegen_1.not)(valid), () => {
                cxt.reset();
                deleteAdditional(key);
              });
            } else {
              applyAdditionalSchema(key, valid);
              if (!allErrors)
                gen.if((0, codegen_1.not)(valid), () => gen.break());
            }
          }
        }
        function applyAdditionalSchema(key, valid, errors) {
          const subschema = {
            keyword: "additionalProperties",
            dataProp: key,
            dataPropType: util_1.Type.Str
          };
          if (errors === false) {
            Object.assign(subschema, {
              compositeRule: true,
              createErrors: false,
              allErrors: false
            });
          }
          cxt.subschema(subschema, valid);
        }
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/applicator/properties.js
var require_properties = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/applicator/properties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var validate_1 = require_validate();
    var code_1 = require_code2();
    var util_1 = require_util();
    var additionalProperties_1 = require_additionalProperties();
    var def = {
      keyword: "properties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === void 0) {
          additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
        }
        const allProps = (0, code_1.allSchemaProperties)(schema);
        for (const prop of allProps) {
          it.definedProperties.add(prop);
        }
        if (it.opts.unevaluated && allProps.length && it.props !== true) {
          it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
        }
        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema[p]));
        if (properties.length === 0)
          return;
        const valid = gen.name("valid");
        for (const prop of properties) {
          if (hasDefault(prop)) {
            applyPropertySchema(prop);
          } else {
            gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
            applyPropertySchema(prop);
            if (!it.allErrors)
              gen.else().var(valid, true);
            gen.endIf();
          }
          cxt.it.definedProperties.add(prop);
          cxt.ok(valid);
        }
        function hasDefault(prop) {
          return it.opts.useDefaults && !it.compositeRule && schema[prop].default !== void 0;
        }
        function applyPropertySchema(prop) {
          cxt.subschema({
            keyword: "properties",
            schemaProp: prop,
            dataProp: prop
          }, valid);
        }
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/applicator/patternProperties.js
var require_patternProperties = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/applicator/patternProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var util_2 = require_util();
    var def = {
      keyword: "patternProperties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, data, parentSchema, it } = cxt;
        const { opts } = it;
        const patterns = (0, code_1.allSchemaProperties)(schema);
        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema[p]));
        if (patterns.length === 0 || alwaysValidPatterns.length === patterns.length && (!it.opts.unevaluated || it.props === true)) {
          return;
        }
        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
        const valid = gen.name("valid");
        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
          it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
        }
        const { props } = it;
        validatePatternProperties();
        function validatePatternProperties() {
          for (const pat of patterns) {
            if (checkProperties)
              checkMatchingProperties(pat);
            if (it.allErrors) {
              validateProperties(pat);
            } else {
              gen.var(valid, true);
              validateProperties(pat);
              gen.if(valid);
            }
          }
        }
        function checkMatchingProperties(pat) {
          for (const prop in checkProperties) {
            if (new RegExp(pat).test(prop)) {
              (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
            }
          }
        }
        function validateProperties(pat) {
          gen.forIn("key", data, (key) => {
            gen.if((0, codegen_1._)`${(0, code_1.usePattern)(cxt, pat)}.test(${key})`, () => {
              const alwaysValid = alwaysValidPatterns.includes(pat);
              if (!alwaysValid) {
                cxt.subschema({
                  keyword: "patternProperties",
                  schemaProp: pat,
                  dataProp: key,
                  dataPropType: util_2.Type.Str
                }, valid);
              }
              if (it.opts.unevaluated && props !== true) {
                gen.assign((0, codegen_1._)`${props}[${key}]`, true);
              } else if (!alwaysValid && !it.allErrors) {
                gen.if((0, codegen_1.not)(valid), () => gen.break());
              }
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/applicator/not.js
var require_not = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/applicator/not.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "not",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      code(cxt) {
        const { gen, schema, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          cxt.fail();
          return;
        }
        const valid = gen.name("valid");
        cxt.subschema({
          keyword: "not",
          compositeRule: true,
          createErrors: false,
          allErrors: false
        }, valid);
        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
      },
      error: { message: "must NOT be valid" }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/applicator/anyOf.js
var require_anyOf = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/applicator/anyOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var def = {
      keyword: "anyOf",
      schemaType: "array",
      trackErrors: true,
      code: code_1.validateUnion,
      error: { message: "must match a schema in anyOf" }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/applicator/oneOf.js
var require_oneOf = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/applicator/oneOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "must match exactly one schema in oneOf",
      params: ({ params }) => (0, codegen_1._)`{passingSchemas: ${params.passing}}`
    };
    var def = {
      keyword: "oneOf",
      schemaType: "array",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        if (it.opts.discriminator && parentSchema.discriminator)
          return;
        const schArr = schema;
        const valid = gen.let("valid", false);
        const passing = gen.let("passing", null);
        const schValid = gen.name("_valid");
        cxt.setParams({ passing });
        gen.block(validateOneOf);
        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
        function validateOneOf() {
          schArr.forEach((sch, i) => {
            let schCxt;
            if ((0, util_1.alwaysValidSchema)(it, sch)) {
              gen.var(schValid, true);
            } else {
              schCxt = cxt.subschema({
                keyword: "oneOf",
                schemaProp: i,
                compositeRule: true
              }, schValid);
            }
            if (i > 0) {
              gen.if((0, codegen_1._)`${schValid} && ${valid}`).assign(valid, false).assign(passing, (0, codegen_1._)`[${passing}, ${i}]`).else();
            }
            gen.if(schValid, () => {
              gen.assign(valid, true);
              gen.assign(passing, i);
              if (schCxt)
                cxt.mergeEvaluated(schCxt, codegen_1.Name);
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/applicator/allOf.js
var require_allOf = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/applicator/allOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "allOf",
      schemaType: "array",
      code(cxt) {
        const { gen, schema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        const valid = gen.name("valid");
        schema.forEach((sch, i) => {
          if ((0, util_1.alwaysValidSchema)(it, sch))
            return;
          const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
          cxt.ok(valid);
          cxt.mergeEvaluated(schCxt);
        });
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/applicator/if.js
var require_if = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/applicator/if.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params }) => (0, codegen_1.str)`must match "${params.ifClause}" schema`,
      params: ({ params }) => (0, codegen_1._)`{failingKeyword: ${params.ifClause}}`
    };
    var def = {
      keyword: "if",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, parentSchema, it } = cxt;
        if (parentSchema.then === void 0 && parentSchema.else === void 0) {
          (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
        }
        const hasThen = hasSchema(it, "then");
        const hasElse = hasSchema(it, "else");
        if (!hasThen && !hasElse)
          return;
        const valid = gen.let("valid", true);
        const schValid = gen.name("_valid");
        validateIf();
        cxt.reset();
        if (hasThen && hasElse) {
          const ifClause = gen.let("ifClause");
          cxt.setParams({ ifClause });
          gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
        } else if (hasThen) {
          gen.if(schValid, validateClause("then"));
        } else {
          gen.if((0, codegen_1.not)(schValid), validateClause("else"));
        }
        cxt.pass(valid, () => cxt.error(true));
        function validateIf() {
          const schCxt = cxt.subschema({
            keyword: "if",
            compositeRule: true,
            createErrors: false,
            allErrors: false
          }, schValid);
          cxt.mergeEvaluated(schCxt);
        }
        function validateClause(keyword, ifClause) {
          return () => {
            const schCxt = cxt.subschema({ keyword }, schValid);
            gen.assign(valid, schValid);
            cxt.mergeValidEvaluated(schCxt, valid);
            if (ifClause)
              gen.assign(ifClause, (0, codegen_1._)`${keyword}`);
            else
              cxt.setParams({ ifClause: keyword });
          };
        }
      }
    };
    function hasSchema(it, keyword) {
      const schema = it.schema[keyword];
      return schema !== void 0 && !(0, util_1.alwaysValidSchema)(it, schema);
    }
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/applicator/thenElse.js
var require_thenElse = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/applicator/thenElse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["then", "else"],
      schemaType: ["object", "boolean"],
      code({ keyword, parentSchema, it }) {
        if (parentSchema.if === void 0)
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/applicator/index.js
var require_applicator = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/applicator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var additionalItems_1 = require_additionalItems();
    var prefixItems_1 = require_prefixItems();
    var items_1 = require_items();
    var items2020_1 = require_items2020();
    var contains_1 = require_contains();
    var dependencies_1 = require_dependencies();
    var propertyNames_1 = require_propertyNames();
    var additionalProperties_1 = require_additionalProperties();
    var properties_1 = require_properties();
    var patternProperties_1 = require_patternProperties();
    var not_1 = require_not();
    var anyOf_1 = require_anyOf();
    var oneOf_1 = require_oneOf();
    var allOf_1 = require_allOf();
    var if_1 = require_if();
    var thenElse_1 = require_thenElse();
    function getApplicator(draft2020 = false) {
      const applicator = [
        // any
        not_1.default,
        anyOf_1.default,
        oneOf_1.default,
        allOf_1.default,
        if_1.default,
        thenElse_1.default,
        // object
        propertyNames_1.default,
        additionalProperties_1.default,
        dependencies_1.default,
        properties_1.default,
        patternProperties_1.default
      ];
      if (draft2020)
        applicator.push(prefixItems_1.default, items2020_1.default);
      else
        applicator.push(additionalItems_1.default, items_1.default);
      applicator.push(contains_1.default);
      return applicator;
    }
    exports.default = getApplicator;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/format/format.js
var require_format = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/format/format.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match format "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{format: ${schemaCode}}`
    };
    var def = {
      keyword: "format",
      type: ["number", "string"],
      schemaType: "string",
      $data: true,
      error,
      code(cxt, ruleType) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const { opts, errSchemaPath, schemaEnv, self } = it;
        if (!opts.validateFormats)
          return;
        if ($data)
          validate$DataFormat();
        else
          validateFormat();
        function validate$DataFormat() {
          const fmts = gen.scopeValue("formats", {
            ref: self.formats,
            code: opts.code.formats
          });
          const fDef = gen.const("fDef", (0, codegen_1._)`${fmts}[${schemaCode}]`);
          const fType = gen.let("fType");
          const format = gen.let("format");
          gen.if((0, codegen_1._)`typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._)`${fDef}.type || "string"`).assign(format, (0, codegen_1._)`${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._)`"string"`).assign(format, fDef));
          cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
          function unknownFmt() {
            if (opts.strictSchema === false)
              return codegen_1.nil;
            return (0, codegen_1._)`${schemaCode} && !${format}`;
          }
          function invalidFmt() {
            const callFormat = schemaEnv.$async ? (0, codegen_1._)`(${fDef}.async ? await ${format}(${data}) : ${format}(${data}))` : (0, codegen_1._)`${format}(${data})`;
            const validData = (0, codegen_1._)`(typeof ${format} == "function" ? ${callFormat} : ${format}.test(${data}))`;
            return (0, codegen_1._)`${format} && ${format} !== true && ${fType} === ${ruleType} && !${validData}`;
          }
        }
        function validateFormat() {
          const formatDef = self.formats[schema];
          if (!formatDef) {
            unknownFormat();
            return;
          }
          if (formatDef === true)
            return;
          const [fmtType, format, fmtRef] = getFormat(formatDef);
          if (fmtType === ruleType)
            cxt.pass(validCondition());
          function unknownFormat() {
            if (opts.strictSchema === false) {
              self.logger.warn(unknownMsg());
              return;
            }
            throw new Error(unknownMsg());
            function unknownMsg() {
              return `unknown format "${schema}" ignored in schema at path "${errSchemaPath}"`;
            }
          }
          function getFormat(fmtDef) {
            const code2 = fmtDef instanceof RegExp ? (0, codegen_1.regexpCode)(fmtDef) : opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(schema)}` : void 0;
            const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code: code2 });
            if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
              return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._)`${fmt}.validate`];
            }
            return ["string", fmtDef, fmt];
          }
          function validCondition() {
            if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
              if (!schemaEnv.$async)
                throw new Error("async format in sync schema");
              return (0, codegen_1._)`await ${fmtRef}(${data})`;
            }
            return typeof format == "function" ? (0, codegen_1._)`${fmtRef}(${data})` : (0, codegen_1._)`${fmtRef}.test(${data})`;
          }
        }
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/format/index.js
var require_format2 = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/format/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var format_1 = require_format();
    var format = [format_1.default];
    exports.default = format;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/metadata.js
var require_metadata = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/metadata.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.contentVocabulary = exports.metadataVocabulary = void 0;
    exports.metadataVocabulary = [
      "title",
      "description",
      "default",
      "deprecated",
      "readOnly",
      "writeOnly",
      "examples"
    ];
    exports.contentVocabulary = [
      "contentMediaType",
      "contentEncoding",
      "contentSchema"
    ];
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/draft7.js
var require_draft7 = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/draft7.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var core_1 = require_core2();
    var validation_1 = require_validation();
    var applicator_1 = require_applicator();
    var format_1 = require_format2();
    var metadata_1 = require_metadata();
    var draft7Vocabularies = [
      core_1.default,
      validation_1.default,
      (0, applicator_1.default)(),
      format_1.default,
      metadata_1.metadataVocabulary,
      metadata_1.contentVocabulary
    ];
    exports.default = draft7Vocabularies;
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/discriminator/types.js
var require_types = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/discriminator/types.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DiscrError = void 0;
    var DiscrError;
    (function(DiscrError2) {
      DiscrError2["Tag"] = "tag";
      DiscrError2["Mapping"] = "mapping";
    })(DiscrError || (exports.DiscrError = DiscrError = {}));
  }
});

// ../../main/node_modules/ajv/dist/vocabularies/discriminator/index.js
var require_discriminator = __commonJS({
  "../../main/node_modules/ajv/dist/vocabularies/discriminator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var types_1 = require_types();
    var compile_1 = require_compile();
    var ref_error_1 = require_ref_error();
    var util_1 = require_util();
    var error = {
      message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag ? `tag "${tagName}" must be string` : `value of tag "${tagName}" must be in oneOf`,
      params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._)`{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`
    };
    var def = {
      keyword: "discriminator",
      type: "object",
      schemaType: "object",
      error,
      code(cxt) {
        const { gen, data, schema, parentSchema, it } = cxt;
        const { oneOf } = parentSchema;
        if (!it.opts.discriminator) {
          throw new Error("discriminator: requires discriminator option");
        }
        const tagName = schema.propertyName;
        if (typeof tagName != "string")
          throw new Error("discriminator: requires propertyName");
        if (schema.mapping)
          throw new Error("discriminator: mapping is not supported");
        if (!oneOf)
          throw new Error("discriminator: requires oneOf keyword");
        const valid = gen.let("valid", false);
        const tag = gen.const("tag", (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(tagName)}`);
        gen.if((0, codegen_1._)`typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
        cxt.ok(valid);
        function validateMapping() {
          const mapping = getMapping();
          gen.if(false);
          for (const tagValue in mapping) {
            gen.elseIf((0, codegen_1._)`${tag} === ${tagValue}`);
            gen.assign(valid, applyTagSchema(mapping[tagValue]));
          }
          gen.else();
          cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
          gen.endIf();
        }
        function applyTagSchema(schemaProp) {
          const _valid = gen.name("valid");
          const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
          cxt.mergeEvaluated(schCxt, codegen_1.Name);
          return _valid;
        }
        function getMapping() {
          var _a;
          const oneOfMapping = {};
          const topRequired = hasRequired(parentSchema);
          let tagRequired = true;
          for (let i = 0; i < oneOf.length; i++) {
            let sch = oneOf[i];
            if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
              const ref = sch.$ref;
              sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref);
              if (sch instanceof compile_1.SchemaEnv)
                sch = sch.schema;
              if (sch === void 0)
                throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref);
            }
            const propSch = (_a = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a === void 0 ? void 0 : _a[tagName];
            if (typeof propSch != "object") {
              throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
            }
            tagRequired = tagRequired && (topRequired || hasRequired(sch));
            addMappings(propSch, i);
          }
          if (!tagRequired)
            throw new Error(`discriminator: "${tagName}" must be required`);
          return oneOfMapping;
          function hasRequired({ required }) {
            return Array.isArray(required) && required.includes(tagName);
          }
          function addMappings(sch, i) {
            if (sch.const) {
              addMapping(sch.const, i);
            } else if (sch.enum) {
              for (const tagValue of sch.enum) {
                addMapping(tagValue, i);
              }
            } else {
              throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
            }
          }
          function addMapping(tagValue, i) {
            if (typeof tagValue != "string" || tagValue in oneOfMapping) {
              throw new Error(`discriminator: "${tagName}" values must be unique strings`);
            }
            oneOfMapping[tagValue] = i;
          }
        }
      }
    };
    exports.default = def;
  }
});

// ../../main/node_modules/ajv/dist/refs/json-schema-draft-07.json
var require_json_schema_draft_07 = __commonJS({
  "../../main/node_modules/ajv/dist/refs/json-schema-draft-07.json"(exports, module) {
    module.exports = {
      $schema: "http://json-schema.org/draft-07/schema#",
      $id: "http://json-schema.org/draft-07/schema#",
      title: "Core schema meta-schema",
      definitions: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $ref: "#" }
        },
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          allOf: [{ $ref: "#/definitions/nonNegativeInteger" }, { default: 0 }]
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      },
      type: ["object", "boolean"],
      properties: {
        $id: {
          type: "string",
          format: "uri-reference"
        },
        $schema: {
          type: "string",
          format: "uri"
        },
        $ref: {
          type: "string",
          format: "uri-reference"
        },
        $comment: {
          type: "string"
        },
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        readOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        },
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/definitions/nonNegativeInteger" },
        minLength: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        additionalItems: { $ref: "#" },
        items: {
          anyOf: [{ $ref: "#" }, { $ref: "#/definitions/schemaArray" }],
          default: true
        },
        maxItems: { $ref: "#/definitions/nonNegativeInteger" },
        minItems: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        contains: { $ref: "#" },
        maxProperties: { $ref: "#/definitions/nonNegativeInteger" },
        minProperties: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        required: { $ref: "#/definitions/stringArray" },
        additionalProperties: { $ref: "#" },
        definitions: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        properties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependencies: {
          type: "object",
          additionalProperties: {
            anyOf: [{ $ref: "#" }, { $ref: "#/definitions/stringArray" }]
          }
        },
        propertyNames: { $ref: "#" },
        const: true,
        enum: {
          type: "array",
          items: true,
          minItems: 1,
          uniqueItems: true
        },
        type: {
          anyOf: [
            { $ref: "#/definitions/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/definitions/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        format: { type: "string" },
        contentMediaType: { type: "string" },
        contentEncoding: { type: "string" },
        if: { $ref: "#" },
        then: { $ref: "#" },
        else: { $ref: "#" },
        allOf: { $ref: "#/definitions/schemaArray" },
        anyOf: { $ref: "#/definitions/schemaArray" },
        oneOf: { $ref: "#/definitions/schemaArray" },
        not: { $ref: "#" }
      },
      default: true
    };
  }
});

// ../../main/node_modules/ajv/dist/ajv.js
var require_ajv = __commonJS({
  "../../main/node_modules/ajv/dist/ajv.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv = void 0;
    var core_1 = require_core();
    var draft7_1 = require_draft7();
    var discriminator_1 = require_discriminator();
    var draft7MetaSchema = require_json_schema_draft_07();
    var META_SUPPORT_DATA = ["/properties"];
    var META_SCHEMA_ID = "http://json-schema.org/draft-07/schema";
    var Ajv3 = class extends core_1.default {
      _addVocabularies() {
        super._addVocabularies();
        draft7_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        if (!this.opts.meta)
          return;
        const metaSchema = this.opts.$data ? this.$dataMetaSchema(draft7MetaSchema, META_SUPPORT_DATA) : draft7MetaSchema;
        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports.Ajv = Ajv3;
    module.exports = exports = Ajv3;
    module.exports.Ajv = Ajv3;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = Ajv3;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// src/notebooks/magic.ts
function kindOfMagic(magic) {
  return Object.hasOwn(KIND_BY_MAGIC, magic) ? KIND_BY_MAGIC[magic] : "other";
}
function splitMagic(lines) {
  const at = lines.findIndex((line2) => line2.trim() !== "");
  const line = at === -1 ? "" : lines[at].trimStart();
  const token = /^%\S+/.exec(line)?.[0];
  if (!token) return { body: lines, bodyStart: 0 };
  const rest = line.slice(token.length + 1);
  const magicArgs = rest.trim() || void 0;
  return magicArgs ? {
    magic: token,
    magicArgs,
    body: [rest, ...lines.slice(at + 1)],
    bodyStart: at
  } : { magic: token, body: lines.slice(at + 1), bodyStart: at + 1 };
}
var KIND_BY_MAGIC;
var init_magic = __esm({
  "src/notebooks/magic.ts"() {
    "use strict";
    KIND_BY_MAGIC = {
      "%sql": "sql",
      "%python": "python",
      "%py": "python",
      "%scala": "scala",
      "%r": "r",
      "%md": "markdown",
      "%md-sandbox": "markdown",
      "%run": "run",
      "%sh": "shell",
      "%fs": "fs",
      "%pip": "pip"
    };
  }
});

// src/notebooks/ipynb.ts
function inspectIpynb(text2) {
  let document;
  try {
    document = JSON.parse(text2);
  } catch (error) {
    return notNotebook(`it is not valid JSON (${error.message})`);
  }
  const root = asObject(document);
  if (!root || !Array.isArray(root.cells)) {
    return notNotebook('it has no "cells" list');
  }
  const metadata = asObject(root.metadata);
  if (!metadata) return notNotebook('it has no "metadata" object');
  const nbformat = root.nbformat;
  if (typeof nbformat !== "number" || nbformat < 4) {
    return notNotebook(
      `its nbformat is ${JSON.stringify(nbformat ?? null)}, and dtflw reads nbformat 4 or later`
    );
  }
  const ipynb = { cells: root.cells, metadata, nbformat };
  return {
    ok: true,
    format: "ipynb",
    language: ipynbLanguage(metadata),
    document: ipynb
  };
}
function ipynbLanguage(metadata) {
  const candidates = [
    asObject(metadata[NOTEBOOK_KEY])?.language,
    asObject(metadata.kernelspec)?.language,
    asObject(metadata.language_info)?.name
  ];
  for (const candidate of candidates) {
    const language2 = toLanguage(candidate);
    if (language2) return language2;
  }
  return "python";
}
function toLanguage(value) {
  if (typeof value !== "string") return void 0;
  const name = value.toLowerCase();
  if (name === "python" || name === "python3") return "python";
  if (name === "sql" || name === "scala" || name === "r") return name;
  return void 0;
}
function parseIpynbNotebook(text2, file, language2, document) {
  const lines = cellLines(text2, document.cells.length);
  const cells = [];
  document.cells.forEach((raw, position) => {
    const cell = buildCell(asObject(raw) ?? {}, language2, lines[position]);
    if (cell) cells.push({ index: cells.length, ...cell });
  });
  return { path: file, format: "ipynb", language: language2, cells, warnings: [] };
}
function buildCell(raw, language2, line) {
  const meta = asObject(asObject(raw.metadata)?.[CELL_KEY]);
  const lines = joinSource(raw.source).replace(/\r\n/g, "\n").split("\n");
  const { kind, magic, magicArgs, body } = classify(raw, lines, language2, meta);
  const source = body.join("\n");
  const title = typeof meta?.title === "string" && meta.title !== "" ? meta.title : void 0;
  if (!magic && !title && source.trim() === "") return void 0;
  return {
    kind,
    source,
    ...magic ? { magic } : {},
    ...magicArgs ? { magicArgs } : {},
    ...title ? { title } : {},
    ...typeof meta?.showTitle === "boolean" ? { showTitle: meta.showTitle } : {},
    line
  };
}
function classify(raw, lines, language2, meta) {
  const split = splitMagic(lines);
  if (raw.cell_type === "code") {
    return { ...split, kind: split.magic ? kindOfMagic(split.magic) : language2 };
  }
  if (raw.cell_type !== "markdown") return { kind: "other", body: lines };
  if (split.magic === "%md" || split.magic === "%md-sandbox") {
    return { ...split, kind: "markdown" };
  }
  const sandbox = meta?.isMarkdownSandbox === true;
  return {
    kind: "markdown",
    magic: sandbox ? "%md-sandbox" : "%md",
    body: lines
  };
}
function joinSource(source) {
  if (typeof source === "string") return source;
  if (Array.isArray(source)) {
    return source.filter((s) => typeof s === "string").join("");
  }
  return "";
}
function cellLines(text2, count) {
  const lines = [];
  let line = 1;
  let from = 0;
  for (const match of text2.matchAll(/"cell_type"\s*:/g)) {
    for (let i = from; i < match.index; i++) if (text2[i] === "\n") line++;
    from = match.index;
    lines.push(line);
  }
  return lines.length === count ? lines : new Array(count).fill(1);
}
function notNotebook(reason) {
  const problem = {
    reason,
    advice: "export the notebook from Databricks again (File > Export > IPython notebook)"
  };
  return { ok: false, problem };
}
function asObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
var NOTEBOOK_KEY, CELL_KEY;
var init_ipynb = __esm({
  "src/notebooks/ipynb.ts"() {
    "use strict";
    init_magic();
    NOTEBOOK_KEY = "application/vnd.databricks.v1+notebook";
    CELL_KEY = "application/vnd.databricks.v1+cell";
  }
});

// src/notebooks/detect.ts
import path7 from "node:path";
function notebookHeader(language2) {
  return `${LEADER[language2]} Databricks notebook source`;
}
function inspectNotebook(text2, file) {
  const extension = path7.extname(file).toLowerCase();
  if (extension === ".ipynb") return inspectIpynb(stripBom(text2));
  const language2 = LANGUAGE_BY_EXTENSION[extension];
  const line = firstLine(text2);
  if (!language2) return { ok: false, problem: unsupportedExtension(file, line) };
  const header = notebookHeader(language2);
  if (line === header || line.startsWith(header + EXPORTED_AT)) {
    return { ok: true, format: "source", language: language2, leader: LEADER[language2] };
  }
  return { ok: false, problem: wrongHeader(text2, file, language2, line) };
}
function stripBom(text2) {
  return text2.startsWith(BOM) ? text2.slice(BOM.length) : text2;
}
function firstLine(text2) {
  const body = stripBom(text2);
  const end = body.indexOf("\n");
  const line = end === -1 ? body : body.slice(0, end);
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}
function unsupportedExtension(file, line) {
  const extension = path7.extname(file);
  const reason = extension ? `its extension "${extension}" is not one of ${EXTENSIONS}` : `it has no extension, and a notebook file ends in ${EXTENSIONS}`;
  const owner = headerOwner(line);
  const advice = owner ? `line 1 is the header of ${owner.label}, so rename it to ${owner.rename(file)}` : "rename it with the extension of its language";
  return { reason, advice };
}
function wrongHeader(text2, file, language2, line) {
  const header = notebookHeader(language2);
  const extension = path7.extname(file).toLowerCase();
  const expected = `a ${extension} notebook starts with the line "${header}"`;
  const problem = (reason, advice) => ({
    reason: `${expected}, but ${reason}`,
    advice,
    expectedHeader: header
  });
  const addHeader = `add "${header}" as line 1, or export the notebook from Databricks in source format`;
  if (stripBom(text2).trim() === "") {
    return problem("the file is empty", addHeader);
  }
  if (line.startsWith("# Fabric notebook source")) {
    return problem(
      `line 1 is "${line}", the header of a Microsoft Fabric notebook`,
      "dtflw runs Databricks notebooks; export this one from a Databricks workspace in source format"
    );
  }
  const owner = headerOwner(line);
  if (owner && owner.leader !== LEADER[language2]) {
    return problem(
      `line 1 is the header of ${owner.label}`,
      `rename the file to ${owner.rename(file)}, or fix line 1`
    );
  }
  if (line.startsWith(header)) {
    return problem(
      `line 1 is "${shorten(line)}", with text after the header`,
      "remove the text after the header"
    );
  }
  const separator = `${LEADER[language2]} COMMAND ----------`;
  if (text2.split(/\r?\n/).includes(separator)) {
    return problem(
      `line 1 is ${quoteLine(line)}: the file has "${separator}" separators but no header`,
      addHeader
    );
  }
  return problem(`line 1 is ${quoteLine(line)}`, addHeader);
}
function headerOwner(line) {
  return HEADER_OWNERS.find(({ leader }) => {
    const header = `${leader} Databricks notebook source`;
    return line === header || line.startsWith(header + EXPORTED_AT);
  });
}
function stem(file) {
  return path7.basename(file, path7.extname(file));
}
function quoteLine(line) {
  return line === "" ? "empty" : `"${shorten(line)}"`;
}
function shorten(line) {
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
var LANGUAGE_BY_EXTENSION, LEADER, EXTENSIONS, EXPORTED_AT, BOM, HEADER_OWNERS;
var init_detect = __esm({
  "src/notebooks/detect.ts"() {
    "use strict";
    init_ipynb();
    LANGUAGE_BY_EXTENSION = {
      ".py": "python",
      ".r": "r",
      ".sql": "sql",
      ".scala": "scala"
    };
    LEADER = {
      python: "#",
      r: "#",
      sql: "--",
      scala: "//"
    };
    EXTENSIONS = ".py, .sql, .scala, .r or .ipynb";
    EXPORTED_AT = " exported at ";
    BOM = "\uFEFF";
    HEADER_OWNERS = [
      {
        leader: "#",
        label: "a Python or R notebook",
        rename: (file) => `${stem(file)}.py (or ${stem(file)}.r for R)`
      },
      { leader: "--", label: "a SQL notebook", rename: (f) => `${stem(f)}.sql` },
      { leader: "//", label: "a Scala notebook", rename: (f) => `${stem(f)}.scala` }
    ];
  }
});

// src/notebooks/errors.ts
var NotANotebookError, MissingNotebookError;
var init_errors2 = __esm({
  "src/notebooks/errors.ts"() {
    "use strict";
    init_diagnostics();
    NotANotebookError = class extends DtflwError {
      constructor(file, problem) {
        const message = `${file} is not a Databricks notebook: ${problem.reason}; ${problem.advice}.`;
        super(message);
        this.file = file;
        this.name = "NotANotebookError";
        this.expectedHeader = problem.expectedHeader;
        this.diagnostics = [
          errorAt("not-a-notebook", message, { file, line: 1, column: 1 })
        ];
      }
      file;
      exitCode = ExitCode.Invalid;
      diagnostics;
      /** The header line the extension asks for, when there is one. */
      expectedHeader;
    };
    MissingNotebookError = class extends DtflwError {
      constructor(file) {
        const message = `notebook ${file} does not exist; check the path and its extension.`;
        super(message);
        this.file = file;
        this.name = "MissingNotebookError";
        this.diagnostics = [errorAt("missing-notebook", message)];
      }
      file;
      exitCode = ExitCode.Invalid;
      diagnostics;
    };
  }
});

// src/notebooks/source-format.ts
function parseSourceNotebook(text2, file, language2, leader) {
  const lines = splitLines(text2);
  const syntax = sourceSyntax(leader);
  const warnings = [];
  const environment = readEnvironment(lines, leader);
  const first = environment ? environment.next : 1;
  const chunks = splitCells(lines, first, syntax.separator, (line, at) => {
    const warning = nearMiss(line, at, file, syntax);
    if (warning) warnings.push(warning);
  });
  const cells = [];
  for (const chunk of chunks) {
    const cell = buildCell2(chunk, cells.length, language2, syntax);
    if (cell) cells.push(cell);
  }
  return {
    path: file,
    format: "source",
    language: language2,
    cells,
    ...environment ? { environment: environment.body } : {},
    warnings
  };
}
function sourceSyntax(leader) {
  return {
    separator: `${leader} COMMAND ----------`,
    magic: `${leader} MAGIC`,
    // `#DBTITLE` without the space is a hand edit, but harmless to accept.
    title: new RegExp(`^${leader} ?DBTITLE (\\d+),(.*)$`),
    nearSeparator: new RegExp(`^\\s*${leader}\\s*COMMAND\\s*-+\\s*$`, "i"),
    nearMagic: new RegExp(`^(?:\\s+${leader} ?|${leader})MAGIC(?:\\s|$)`)
  };
}
function splitLines(text2) {
  const lines = stripBom(text2).replace(/\r\n/g, "\n").split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
function readEnvironment(lines, leader) {
  if (lines[1] !== `${leader} /// script`) return void 0;
  const body = [];
  for (let i = 2; i < lines.length; i++) {
    const line = lines[i];
    if (line === `${leader} ///`) return { body: body.join("\n"), next: i + 1 };
    if (line !== leader && !line.startsWith(`${leader} `)) return void 0;
    body.push(line.slice(leader.length + 1));
  }
  return void 0;
}
function splitCells(lines, first, separator, inspect) {
  const chunks = [];
  let start = first;
  const close = (end, isFirst) => {
    let from = start;
    let to = end;
    if (!isFirst && from < to && isBlank(lines[from])) from++;
    if (from < to && isBlank(lines[to - 1])) to--;
    chunks.push({ lines: lines.slice(from, to), line: from + 1 });
  };
  for (let i = first; i < lines.length; i++) {
    if (lines[i] === separator) {
      close(i, chunks.length === 0);
      start = i + 1;
    } else {
      inspect(lines[i], i);
    }
  }
  close(lines.length, chunks.length === 0);
  return chunks;
}
function buildCell2(chunk, index, language2, syntax) {
  const titled = syntax.title.exec(chunk.lines[0] ?? "");
  const lines = titled ? chunk.lines.slice(1) : chunk.lines;
  const line = chunk.line + (titled ? 1 : 0);
  const title = titled ? { title: titled[2], showTitle: titled[1] !== "0" } : void 0;
  const opening = lines.find((l) => !isBlank(l));
  if (opening === void 0 || !isMagicLine(opening, syntax.magic)) {
    if (!title && lines.every(isBlank)) return void 0;
    return {
      index,
      kind: language2,
      source: lines.join("\n"),
      ...title,
      line: chunk.line,
      sourceLine: line
    };
  }
  const decoded = lines.map(
    (l) => isMagicLine(l, syntax.magic) ? l.slice(syntax.magic.length + 1) : l
  );
  const split = splitMagic(decoded);
  const source = split.body.join("\n");
  if (!split.magic && !title && source.trim() === "") return void 0;
  return {
    index,
    kind: split.magic ? kindOfMagic(split.magic) : language2,
    source,
    ...split.magic ? { magic: split.magic } : {},
    ...split.magicArgs ? { magicArgs: split.magicArgs } : {},
    ...title,
    line: chunk.line,
    sourceLine: line + split.bodyStart
  };
}
function isMagicLine(line, magic) {
  return line === magic || line.startsWith(`${magic} `);
}
function isBlank(line) {
  return line.trim() === "";
}
function nearMiss(line, index, file, syntax) {
  const location = { file, line: index + 1, column: 1 };
  if (syntax.nearSeparator.test(line)) {
    return warningAt(
      "notebook-near-separator",
      `line ${index + 1} looks like a cell separator but is not "${syntax.separator}", so Databricks reads it as code; write the separator exactly.`,
      location
    );
  }
  if (syntax.nearMagic.test(line)) {
    return warningAt(
      "notebook-near-magic",
      `line ${index + 1} looks like a MAGIC line but does not start with "${syntax.magic} ", so Databricks reads it as a comment; write the prefix exactly.`,
      location
    );
  }
  return void 0;
}
var init_source_format = __esm({
  "src/notebooks/source-format.ts"() {
    "use strict";
    init_diagnostics();
    init_detect();
    init_magic();
  }
});

// src/notebooks/parse.ts
function parseNotebook(text2, file) {
  const inspection = inspectNotebook(text2, file);
  if (!inspection.ok) throw new NotANotebookError(file, inspection.problem);
  if (inspection.format === "ipynb") {
    return parseIpynbNotebook(
      text2,
      file,
      inspection.language,
      inspection.document
    );
  }
  return parseSourceNotebook(text2, file, inspection.language, inspection.leader);
}
var init_parse = __esm({
  "src/notebooks/parse.ts"() {
    "use strict";
    init_detect();
    init_errors2();
    init_ipynb();
    init_source_format();
  }
});

// src/notebooks/read.ts
async function readNotebook(absPath, displayPath) {
  const text2 = await tryReadText(absPath);
  if (text2 === void 0) throw new MissingNotebookError(displayPath);
  return parseNotebook(text2, displayPath);
}
var init_read = __esm({
  "src/notebooks/read.ts"() {
    "use strict";
    init_io();
    init_errors2();
    init_parse();
  }
});

// src/notebooks/code-scan.ts
function maskCell(kind, text2) {
  const syntax = SYNTAX[kind];
  return syntax ? maskCode(text2, syntax) : void 0;
}
function maskCode(text2, syntax) {
  const code2 = text2.split("");
  const bare = text2.split("");
  const blank = (target, from, to) => {
    for (let i2 = from; i2 < to; i2++) if (target[i2] !== "\n") target[i2] = " ";
  };
  let i = 0;
  while (i < text2.length) {
    const comment = commentEnd(text2, i, syntax);
    if (comment !== void 0) {
      blank(code2, i, comment);
      blank(bare, i, comment);
      i = comment;
      continue;
    }
    const delimiter = stringDelimiter(text2, i, syntax);
    if (delimiter) {
      const end = stringEnd(text2, i + delimiter.length, delimiter, syntax);
      const inner = Math.max(i + delimiter.length, end - delimiter.length);
      blank(bare, i + delimiter.length, inner);
      i = end;
      continue;
    }
    i++;
  }
  return { text: text2, code: code2.join(""), bare: bare.join("") };
}
function commentEnd(text2, at, syntax) {
  if (syntax.lineComments.some((c) => text2.startsWith(c, at))) {
    const end = text2.indexOf("\n", at);
    return end === -1 ? text2.length : end;
  }
  const block = syntax.blockComment;
  if (!block || !text2.startsWith(block.open, at)) return void 0;
  let depth = 0;
  let i = at;
  while (i < text2.length) {
    if (text2.startsWith(block.open, i)) {
      depth++;
      i += block.open.length;
    } else if (text2.startsWith(block.close, i)) {
      depth--;
      i += block.close.length;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return text2.length;
}
function stringDelimiter(text2, at, syntax) {
  if (syntax.dollarQuotes && text2.startsWith("$$", at)) return "$$";
  const quote = text2[at];
  if (!syntax.quotes.includes(quote)) return void 0;
  const triple = quote.repeat(3);
  return syntax.tripleQuotes && text2.startsWith(triple, at) ? triple : quote;
}
function stringEnd(text2, from, delimiter, syntax) {
  const escapes = delimiter !== "`" && delimiter !== "$$";
  let i = from;
  while (i < text2.length) {
    if (escapes && text2[i] === "\\") {
      i += 2;
    } else if (text2.startsWith(delimiter, i)) {
      return i + delimiter.length;
    } else if (text2[i] === "\n" && delimiter.length === 1 && syntax.singleLineStrings) {
      return i;
    } else {
      i++;
    }
  }
  return text2.length;
}
function lineOf(text2, offset) {
  let line = 0;
  for (let i = text2.indexOf("\n"); i !== -1 && i < offset; ) {
    line++;
    i = text2.indexOf("\n", i + 1);
  }
  return line;
}
function literalAt(masked, quote) {
  const q = masked.text[quote];
  const close = masked.bare.indexOf(q, quote + 1);
  if (close === -1) return void 0;
  const value = masked.text.slice(quote + 1, close);
  return value.includes("\n") || value.includes("\\") ? void 0 : value;
}
function closingParen(masked, open) {
  let depth = 0;
  for (let i = open; i < masked.bare.length; i++) {
    const c = masked.bare[i];
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return masked.bare.length;
}
var SYNTAX;
var init_code_scan = __esm({
  "src/notebooks/code-scan.ts"() {
    "use strict";
    SYNTAX = {
      // Spark SQL block comments nest; the closing scan below counts depth.
      sql: {
        lineComments: ["--"],
        blockComment: { open: "/*", close: "*/" },
        quotes: ["'", '"', "`"],
        tripleQuotes: false,
        dollarQuotes: true,
        singleLineStrings: false
      },
      python: {
        lineComments: ["#"],
        quotes: ["'", '"'],
        tripleQuotes: true,
        dollarQuotes: false,
        singleLineStrings: true
      },
      scala: {
        lineComments: ["//"],
        blockComment: { open: "/*", close: "*/" },
        quotes: ['"'],
        tripleQuotes: true,
        dollarQuotes: false,
        singleLineStrings: true
      },
      r: {
        lineComments: ["#"],
        quotes: ["'", '"'],
        tripleQuotes: false,
        dollarQuotes: false,
        singleLineStrings: false
      }
    };
  }
});

// src/notebooks/parameters.ts
function findParameterReferences(notebook) {
  return notebook.cells.flatMap((cell) => {
    const masked = maskCell(cell.kind, cell.source);
    if (!masked) return [];
    const found = cell.kind === "sql" ? inSql(masked) : inCode(masked);
    return found.sort((a, b) => a.offset - b.offset).map(({ name, form, offset }) => ({
      name,
      form,
      cell: cell.index,
      line: lineIn(cell, offset)
    }));
  });
}
function lineIn(cell, offset) {
  return cell.sourceLine === void 0 ? cell.line : cell.sourceLine + lineOf(cell.source, offset);
}
function inSql(masked) {
  const found = [];
  for (const m of masked.code.matchAll(/(?<!\\)\$\{([^{}\n]*)\}/g)) {
    if (NAME.test(m[1])) {
      found.push({ name: m[1], form: "dollar-brace", offset: m.index });
    }
  }
  for (const m of masked.code.matchAll(/(?<![\\$\w])\$([A-Za-z_]\w*)/g)) {
    found.push({ name: m[1], form: "dollar", offset: m.index });
  }
  const identifiers = identifierSpans(masked);
  for (const m of masked.bare.matchAll(/:([A-Za-z_]\w*)/g)) {
    if (!isMarker(masked.bare, m.index)) continue;
    const inside2 = identifiers.some(([s, e]) => m.index > s && m.index < e);
    const form = inside2 ? "identifier" : "marker";
    found.push({ name: m[1], form, offset: m.index });
  }
  found.push(...calls(masked, /\bgetArgument\s*\(\s*(['"])/gi, "get-argument"));
  return found;
}
function inCode(masked) {
  return [
    ...calls(
      masked,
      /\bdbutils\s*\.\s*widgets\s*\.\s*get\s*\(\s*(?:name\s*=\s*)?(['"])/g,
      "widget-get"
    ),
    ...calls(masked, /\bgetArgument\s*\(\s*(['"])/g, "get-argument")
  ];
}
function calls(masked, pattern, form) {
  const found = [];
  for (const m of masked.bare.matchAll(pattern)) {
    const name = literalAt(masked, m.index + m[0].length - 1);
    if (name) found.push({ name, form, offset: m.index });
  }
  return found;
}
function isMarker(bare, colon) {
  const before = colon === 0 ? "" : bare[colon - 1];
  return !/[\p{L}\p{N}_:`'")\]}$]/u.test(before);
}
function identifierSpans(masked) {
  return [...masked.bare.matchAll(/\bidentifier\s*\(/gi)].map((m) => {
    const open = m.index + m[0].length - 1;
    return [open, closingParen(masked, open)];
  });
}
var NAME;
var init_parameters = __esm({
  "src/notebooks/parameters.ts"() {
    "use strict";
    init_code_scan();
    NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
  }
});

// src/notebooks/run-targets.ts
var init_run_targets = __esm({
  "src/notebooks/run-targets.ts"() {
    "use strict";
  }
});

// src/notebooks/exit-calls.ts
var init_exit_calls = __esm({
  "src/notebooks/exit-calls.ts"() {
    "use strict";
    init_code_scan();
  }
});

// src/notebooks/index.ts
var init_notebooks = __esm({
  "src/notebooks/index.ts"() {
    "use strict";
    init_detect();
    init_parse();
    init_read();
    init_errors2();
    init_parameters();
    init_run_targets();
    init_exit_calls();
  }
});

// src/report/resume.ts
function planResume(plan, results) {
  const status = new Map(results.map((r) => [r.key, r.status]));
  const unfinished = new Set(
    plan.steps.filter((s) => UNFINISHED.has(status.get(s.key) ?? "pending")).map((s) => s.key)
  );
  if (unfinished.size === 0) return void 0;
  const dependents = /* @__PURE__ */ new Map();
  for (const step of plan.steps) {
    for (const dependency of step.dependsOn) {
      const list2 = dependents.get(dependency) ?? [];
      list2.push(step.key);
      dependents.set(dependency, list2);
    }
  }
  const downstream2 = (key) => {
    const seen = /* @__PURE__ */ new Set([key]);
    const stack = [key];
    while (stack.length > 0) {
      for (const next of dependents.get(stack.pop()) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return seen;
  };
  const covered = /* @__PURE__ */ new Set();
  const terms = [];
  for (const step of plan.steps) {
    if (!unfinished.has(step.key) || covered.has(step.key)) continue;
    const closure = downstream2(step.key);
    const whole = [...closure].every((k) => unfinished.has(k));
    if (whole && closure.size > 1) {
      terms.push(`${step.key}+`);
      for (const k of closure) covered.add(k);
    } else {
      terms.push(step.key);
      covered.add(step.key);
    }
  }
  return terms.join(",");
}
var UNFINISHED;
var init_resume = __esm({
  "src/report/resume.ts"() {
    "use strict";
    UNFINISHED = /* @__PURE__ */ new Set(["failed", "cancelled", "skipped", "pending"]);
  }
});

// src/report/builder.ts
function declaredAccesses(step) {
  return {
    reads: step.inputs.map((input) => ({
      table: input.table,
      param: input.param,
      ...input.location ? { location: input.location } : {}
    })),
    writes: step.outputs.map((output) => ({
      table: output.alias,
      param: output.param,
      location: output.location
    }))
  };
}
function notRunResult(step, status, extra = {}) {
  return {
    key: step.key,
    notebook: step.notebook,
    status,
    attempt: 0,
    parameters: step.parameters,
    ...declaredAccesses(step),
    ...extra.skippedBecause ? { skippedBecause: extra.skippedBecause } : {},
    ...extra.error ? { error: extra.error } : {}
  };
}
function planRunStatus(steps, cancelled) {
  if (cancelled) return "cancelled";
  const good = (s) => s.status === "succeeded" || s.status === "lazy";
  return steps.every(good) ? "succeeded" : "failed";
}
function buildRunReport(input) {
  const byKey = new Map(input.steps.map((s) => [s.key, s]));
  const steps = input.plan.steps.map(
    (step) => byKey.get(step.key) ?? notRunResult(step, "pending")
  );
  const resume = planResume(input.plan, steps);
  return {
    schemaVersion: 1,
    runId: input.runId,
    pipeline: input.plan.pipeline,
    profile: input.plan.profile,
    engine: input.plan.engine,
    toolVersion: input.toolVersion,
    ...input.gitSha ? { gitSha: input.gitSha } : {},
    ...input.preview ? { preview: input.preview } : {},
    ...input.deployedRoot ? { deployedRoot: input.deployedRoot } : {},
    ...input.remoteRunId ? { remoteRunId: input.remoteRunId } : {},
    ...input.runUrl ? { runUrl: input.runUrl } : {},
    status: planRunStatus(steps, input.cancelled),
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    durationMs: input.finishedAt.getTime() - input.startedAt.getTime(),
    steps,
    ...resume ? { resume } : {}
  };
}
var init_builder = __esm({
  "src/report/builder.ts"() {
    "use strict";
    init_resume();
  }
});

// src/report/io.ts
import { readFile as readFile3 } from "node:fs/promises";
import path8 from "node:path";
function runFolder(runsDir, runId) {
  return path8.join(runsDir, runId);
}
async function writeRunReport(runsDir, report2, mask = (text2) => text2) {
  const file = path8.join(runFolder(runsDir, report2.runId), REPORT_FILE);
  await writeFileAtomic(file, mask(`${JSON.stringify(report2, null, 2)}
`));
  await writeFileAtomic(path8.join(runsDir, LATEST_FILE), `${report2.runId}
`);
  return file;
}
async function readRunReport(file) {
  let value;
  try {
    value = JSON.parse(await readFile3(file, "utf8"));
  } catch (error) {
    const why = error.code === "ENOENT" ? "the file does not exist" : `it is not JSON (${error.message})`;
    throw new UsageError(`cannot read run report ${file}: ${why}.`);
  }
  const report2 = value;
  if (typeof report2 !== "object" || report2 === null || report2.schemaVersion !== 1 || typeof report2.runId !== "string" || !Array.isArray(report2.steps)) {
    throw new UsageError(
      `${file} is not a dtflw run report (schemaVersion 1 with runId and steps); pass the report.json of a run.`
    );
  }
  return report2;
}
var REPORT_FILE, EVENTS_FILE, LATEST_FILE;
var init_io2 = __esm({
  "src/report/io.ts"() {
    "use strict";
    init_diagnostics();
    init_io();
    REPORT_FILE = "report.json";
    EVENTS_FILE = "events.jsonl";
    LATEST_FILE = "latest";
  }
});

// src/report/run-events.ts
function toLogRecord(runId, event) {
  const base = { "@timestamp": event.at, type: event.type, run: runId };
  switch (event.type) {
    case "deploy-started":
      return { ...base, engine: event.engine, notebooks: event.notebooks };
    case "deploy-finished":
      return {
        ...base,
        root: event.result.root,
        uploaded: event.result.uploaded.length,
        removed: event.result.removed.length,
        unchanged: event.result.unchanged.length
      };
    case "run-started":
      return { ...base, steps: event.steps };
    case "run-submitted":
      return {
        ...base,
        remoteRunId: event.remoteRunId,
        ...event.url ? { url: event.url } : {}
      };
    case "step-started":
      return {
        ...base,
        key: event.key,
        attempt: event.attempt,
        ...event.url ? { url: event.url } : {}
      };
    case "step-log":
      return { ...base, key: event.key, line: event.line };
    case "step-finished": {
      const r = event.result;
      return {
        ...base,
        key: event.key,
        status: r.status,
        ...r.durationMs !== void 0 ? { durationMs: r.durationMs } : {},
        ...r.exitValue !== void 0 ? { exitValue: r.exitValue } : {},
        ...r.runUrl ? { runUrl: r.runUrl } : {},
        ...r.skippedBecause ? { skippedBecause: r.skippedBecause } : {},
        ...r.error ? { error: r.error } : {}
      };
    }
    case "run-finished":
      return {
        ...base,
        status: event.report.status,
        durationMs: event.report.durationMs,
        ...event.report.runUrl ? { runUrl: event.report.runUrl } : {},
        ...event.report.resume ? { resume: event.report.resume } : {}
      };
  }
}
var init_run_events = __esm({
  "src/report/run-events.ts"() {
    "use strict";
  }
});

// src/report/events.ts
import { createWriteStream } from "node:fs";
import { mkdir as mkdir2, readFile as readFile4 } from "node:fs/promises";
import path9 from "node:path";
async function createEventLog(file, mask = (text2) => text2) {
  await mkdir2(path9.dirname(file), { recursive: true });
  const stream = createWriteStream(file, { flags: "a" });
  let closed = false;
  return {
    append(record) {
      if (!closed) stream.write(mask(`${JSON.stringify(record)}
`));
    },
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      return new Promise((resolve, reject) => {
        stream.once("error", reject);
        stream.end(() => resolve());
      });
    }
  };
}
var init_events = __esm({
  "src/report/events.ts"() {
    "use strict";
  }
});

// src/report/index.ts
var init_report = __esm({
  "src/report/index.ts"() {
    "use strict";
    init_builder();
    init_resume();
    init_io2();
    init_run_events();
    init_events();
  }
});

// src/engines/schedule.ts
async function runReady(plan, executeStep, options) {
  const limit = Math.max(1, Math.floor(options.concurrency));
  const planned = new Set(plan.steps.map((s) => s.key));
  const results = /* @__PURE__ */ new Map();
  const running = /* @__PURE__ */ new Map();
  const stop = new AbortController();
  const onAbort = () => stop.abort(options.signal?.reason);
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const settle = (result) => {
    results.set(result.key, result);
    options.onResult?.(result);
  };
  const skipBlocked = () => {
    let changed = true;
    while (changed) {
      changed = false;
      for (const step of plan.steps) {
        if (results.has(step.key) || running.has(step.key)) continue;
        const blocker = step.dependsOn.map((key) => results.get(key)).find((r) => r !== void 0 && BLOCKING.has(r.status));
        if (!blocker) continue;
        const because = blocker.skippedBecause ?? blocker.key;
        settle(notRunResult(step, "skipped", { skippedBecause: because }));
        changed = true;
      }
    }
  };
  const isReady = (step) => step.dependsOn.every(
    (key) => !planned.has(key) || DONE_WELL.has(results.get(key)?.status ?? "")
  );
  const start = (step) => {
    options.onStart?.(step);
    const task = Promise.resolve().then(() => executeStep(step, stop.signal)).catch((error) => ({
      ...notRunResult(step, "failed"),
      attempt: 1,
      error: {
        kind: "engine",
        message: `step "${step.key}" could not be run: ${error instanceof Error ? error.message : String(error)}`
      }
    })).then((result) => {
      running.delete(step.key);
      settle(result);
      if (options.failFast && result.status === "failed") stop.abort();
    });
    running.set(step.key, task);
  };
  try {
    for (; ; ) {
      skipBlocked();
      if (!stop.signal.aborted) {
        for (const step of plan.steps) {
          if (running.size >= limit) break;
          if (results.has(step.key) || running.has(step.key)) continue;
          if (isReady(step)) start(step);
        }
      }
      if (running.size === 0) break;
      await Promise.race(running.values());
    }
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
  skipBlocked();
  for (const step of plan.steps) {
    if (!results.has(step.key)) settle(notRunResult(step, "pending"));
  }
  return plan.steps.map((step) => results.get(step.key));
}
var DONE_WELL, BLOCKING;
var init_schedule = __esm({
  "src/engines/schedule.ts"() {
    "use strict";
    init_report();
    DONE_WELL = /* @__PURE__ */ new Set(["succeeded", "lazy"]);
    BLOCKING = /* @__PURE__ */ new Set(["failed", "cancelled", "skipped"]);
  }
});

// src/engines/local/duckdb.ts
import { createRequire } from "node:module";
import path10 from "node:path";
import { pathToFileURL } from "node:url";
function loadDuckDB(searchFrom) {
  loaded ??= importDuckDB(searchFrom).catch((error) => {
    loaded = void 0;
    throw error;
  });
  return loaded;
}
async function importDuckDB(searchFrom) {
  try {
    return await import("@duckdb/node-api");
  } catch (first) {
    if (searchFrom) {
      try {
        const require2 = createRequire(path10.join(searchFrom, "package.json"));
        const entry = require2.resolve("@duckdb/node-api");
        return await import(pathToFileURL(entry).href);
      } catch {
      }
    }
    throw new UsageError(
      `the local engine needs DuckDB (@duckdb/node-api), which is not installed here (${first.message.split("\n")[0]}); run the local engine with the dtflw command (npx dtflw run --profile development), or add create-dtflw-pipeline to the repository's devDependencies and run npm install.`
    );
  }
}
var loaded;
var init_duckdb = __esm({
  "src/engines/local/duckdb.ts"() {
    "use strict";
    init_diagnostics();
  }
});

// src/engines/local/columns.ts
function toSparkType(duckdbType) {
  const type = duckdbType.trim();
  if (type.endsWith("[]")) return `array<${toSparkType(type.slice(0, -2))}>`;
  const fixedList = /^(.*)\[\d+\]$/.exec(type);
  if (fixedList) return `array<${toSparkType(fixedList[1])}>`;
  const upper = type.toUpperCase();
  const decimal = /^DECIMAL\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(upper);
  if (decimal) return `decimal(${decimal[1]},${decimal[2]})`;
  if (upper.startsWith("STRUCT(") && type.endsWith(")")) {
    const fields = splitTopLevel(type.slice(7, -1)).map((field) => {
      const match = /^("(?:[^"]|"")*"|\S+)\s+([\s\S]+)$/.exec(field.trim());
      if (!match) return field.trim();
      const name = match[1].startsWith('"') ? match[1].slice(1, -1).replaceAll('""', '"') : match[1];
      return `${name}:${toSparkType(match[2])}`;
    });
    return `struct<${fields.join(",")}>`;
  }
  if (upper.startsWith("MAP(") && type.endsWith(")")) {
    const [key, value] = splitTopLevel(type.slice(4, -1));
    return `map<${toSparkType(key ?? "")},${toSparkType(value ?? "")}>`;
  }
  return SCALARS[upper] ?? type.toLowerCase();
}
function splitTopLevel(text2) {
  const parts = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text2.length; i++) {
    const ch = text2[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "(" || ch === "<")) depth++;
    else if (!quoted && (ch === ")" || ch === ">")) depth--;
    else if (!quoted && depth === 0 && ch === ",") {
      parts.push(text2.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text2.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}
function normalizeSparkType(declared) {
  const compact = declared.toLowerCase().replace(/\s+/g, "");
  const sized = /^(?:varchar|char)\(\d+\)$/.test(compact) ? "string" : compact;
  const decimal = /^(?:decimal|dec|numeric)\((\d+)(?:,(\d+))?\)$/.exec(sized);
  if (decimal) return `decimal(${decimal[1]},${decimal[2] ?? "0"})`;
  return ALIASES[sized] ?? sized;
}
function checkColumns(actual, expected, strict) {
  const problems = [];
  const byName = new Map(actual.map((c) => [c.name, c]));
  for (const column of expected) {
    const found = byName.get(column.name);
    if (!found) {
      const other = actual.find(
        (c) => c.name.toLowerCase() === column.name.toLowerCase()
      );
      const hint = other ? ` (there is "${other.name}": names are case-sensitive)` : "";
      problems.push(`column "${column.name}" is missing${hint}`);
      continue;
    }
    if (column.type === null) continue;
    const want = normalizeSparkType(column.type);
    const have = normalizeSparkType(found.type);
    if (want === have || want === "bigint" && have === "int") continue;
    problems.push(`column "${column.name}" is ${have}, expected ${want}`);
  }
  if (strict) {
    const declared = new Set(expected.map((c) => c.name));
    for (const column of actual) {
      if (!declared.has(column.name)) {
        problems.push(
          `column "${column.name}" (${column.type}) is not declared, and the output is strict`
        );
      }
    }
  }
  return problems;
}
var SCALARS, ALIASES;
var init_columns = __esm({
  "src/engines/local/columns.ts"() {
    "use strict";
    SCALARS = {
      BOOLEAN: "boolean",
      TINYINT: "tinyint",
      SMALLINT: "smallint",
      INTEGER: "int",
      BIGINT: "bigint",
      HUGEINT: "decimal(38,0)",
      UTINYINT: "smallint",
      USMALLINT: "int",
      UINTEGER: "bigint",
      UBIGINT: "decimal(20,0)",
      UHUGEINT: "decimal(38,0)",
      FLOAT: "float",
      DOUBLE: "double",
      VARCHAR: "string",
      UUID: "string",
      JSON: "string",
      BLOB: "binary",
      DATE: "date",
      TIME: "string",
      TIMESTAMP: "timestamp",
      TIMESTAMP_S: "timestamp",
      TIMESTAMP_MS: "timestamp",
      TIMESTAMP_NS: "timestamp",
      "TIMESTAMP WITH TIME ZONE": "timestamp",
      INTERVAL: "interval",
      NULL: "void"
    };
    ALIASES = {
      integer: "int",
      long: "bigint",
      short: "smallint",
      byte: "tinyint",
      real: "float",
      decimal: "decimal(10,0)",
      dec: "decimal(10,0)",
      numeric: "decimal(10,0)",
      text: "string",
      varchar: "string",
      timestamp_ltz: "timestamp"
    };
  }
});

// src/engines/local/sql-lexer.ts
function tokenizeSql(sql) {
  const tokens = [];
  let i = 0;
  let line = 1;
  const push = (kind, end, extra = {}) => {
    const text2 = sql.slice(i, end);
    tokens.push({ kind, text: text2, line, ...extra });
    for (const ch of text2) if (ch === "\n") line++;
    i = end;
  };
  const previous = () => tokens[tokens.length - 1];
  while (i < sql.length) {
    const ch = sql[i];
    const next = sql[i + 1];
    if (/\s/.test(ch)) {
      let end = i + 1;
      while (end < sql.length && /\s/.test(sql[end])) end++;
      push("space", end);
    } else if (ch === "-" && next === "-") {
      const nl = sql.indexOf("\n", i);
      push("comment", nl === -1 ? sql.length : nl);
    } else if (ch === "/" && next === "*") {
      push("comment", blockCommentEnd(sql, i));
    } else if (ch === "'") {
      const { end, value, closed } = quotedEnd(sql, i, "'", false);
      push("string", end, { value, closed, escapes: "standard" });
    } else if ((ch === "E" || ch === "e") && next === "'" && !isWordBefore(previous())) {
      const { end, value, closed } = quotedEnd(sql, i + 1, "'", true);
      push("string", end, { value, closed, escapes: "e" });
    } else if (ch === '"') {
      const { end, value, closed } = quotedEnd(sql, i, '"', false);
      push("quoted", end, { value, closed });
    } else if (ch === "`") {
      const { end, value, closed } = quotedEnd(sql, i, "`", false);
      push("backtick", end, { value, closed });
    } else if (ch === "$" && next === "{") {
      const close = sql.indexOf("}", i + 2);
      const name = close === -1 ? "" : sql.slice(i + 2, close).trim();
      if (close !== -1 && NAME2.exec(name)?.[0] === name) {
        push("template", close + 1, { value: name });
      } else {
        push("punct", i + 1);
      }
    } else if (ch === "$" && dollarTag(sql, i) !== void 0) {
      const tag = dollarTag(sql, i);
      const close = sql.indexOf(tag, i + tag.length);
      push("dollar-string", close === -1 ? sql.length : close + tag.length);
    } else if (ch === ":" && next === ":") {
      push("cast", i + 2);
    } else if (ch === ":" && NAME2.test(sql.slice(i + 1))) {
      const name = NAME2.exec(sql.slice(i + 1))[0];
      if (isOperandBefore(previous())) push("punct", i + 1);
      else push("marker", i + 1 + name.length, { value: name });
    } else if (ch === ";") {
      push("semicolon", i + 1);
    } else if (WORD_START.test(ch)) {
      let end = i + 1;
      while (end < sql.length && WORD_PART.test(sql[end])) end++;
      push("word", end);
    } else if (DIGIT.test(ch)) {
      let end = i + 1;
      while (end < sql.length && /[0-9.eE_]/.test(sql[end])) end++;
      push("number", end);
    } else {
      push("punct", i + 1);
    }
  }
  return tokens;
}
function blockCommentEnd(sql, start) {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql[i] === "/" && sql[i + 1] === "*") {
      depth++;
      i += 2;
    } else if (sql[i] === "*" && sql[i + 1] === "/") {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return sql.length;
}
function quotedEnd(sql, start, quote, backslash) {
  let value = "";
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (backslash && ch === "\\" && i + 1 < sql.length) {
      value += sql[i + 1];
      i += 2;
    } else if (ch === quote && sql[i + 1] === quote) {
      value += quote;
      i += 2;
    } else if (ch === quote) {
      return { end: i + 1, value, closed: true };
    } else {
      value += ch;
      i++;
    }
  }
  return { end: sql.length, value, closed: false };
}
function dollarTag(sql, i) {
  const match = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 66));
  return match?.[0];
}
function isWordBefore(token) {
  return token?.kind === "word" || token?.kind === "number";
}
function isOperandBefore(token) {
  if (!token) return false;
  if (["word", "number", "string", "quoted", "backtick"].includes(token.kind))
    return true;
  return token.kind === "punct" && (token.text === ")" || token.text === "]");
}
var WORD_START, WORD_PART, DIGIT, NAME2;
var init_sql_lexer = __esm({
  "src/engines/local/sql-lexer.ts"() {
    "use strict";
    WORD_START = /[\p{L}_]/u;
    WORD_PART = /[\p{L}\p{N}_$]/u;
    DIGIT = /[0-9]/;
    NAME2 = /^[A-Za-z_][A-Za-z0-9_]*/;
  }
});

// src/engines/local/sql-params.ts
function quoteIdentifier(name) {
  return `"${name.replaceAll('"', '""')}"`;
}
function quoteLiteral(text2) {
  return `'${text2.replaceAll("'", "''")}'`;
}
function renderLiteral(value) {
  if (/^\d+(\.\d+)?$/.test(value)) return value;
  if (/^-\d+(\.\d+)?$/.test(value)) return `(${value})`;
  return quoteLiteral(value);
}
function renderQualifiedName(value) {
  return value.split(".").map((part) => quoteIdentifier(part.trim().replace(/^`(.*)`$/, "$1"))).join(".");
}
function bindSql(sql, parameters) {
  const tokens = tokenizeSql(sql);
  const statements = [];
  let current = [];
  const flush = () => {
    const first = current.find(
      (t) => t.kind !== "space" && t.kind !== "comment"
    );
    if (first) {
      const rendered = renderStatement(current, parameters);
      if (typeof rendered !== "string") return rendered;
      statements.push({ text: rendered.trim(), line: first.line });
    }
    current = [];
    return void 0;
  };
  for (const token of tokens) {
    if (token.kind === "semicolon") {
      const failure2 = flush();
      if (failure2) return failure2;
    } else {
      current.push(token);
    }
  }
  const failure = flush();
  if (failure) return failure;
  return { ok: true, statements };
}
function splitSql(sql) {
  const statements = [];
  let current = [];
  const flush = () => {
    const first = current.find(
      (t) => t.kind !== "space" && t.kind !== "comment"
    );
    if (first) {
      statements.push({
        text: current.map((t) => t.text).join("").trim(),
        line: first.line
      });
    }
    current = [];
  };
  for (const token of tokenizeSql(sql)) {
    if (token.kind === "semicolon") flush();
    else current.push(token);
  }
  flush();
  return statements;
}
function unknownParameter(name, line, parameters) {
  const known = Object.keys(parameters);
  const list2 = known.length > 0 ? known.join(", ") : "(none)";
  return {
    ok: false,
    line,
    message: `\${${name}} is not a parameter of this step; its parameters are: ${list2}.`
  };
}
function fillTemplates(text2, parameters, escape2 = (v) => v) {
  let missing;
  const filled = text2.replace(TEMPLATE, (_, name) => {
    const parameter = parameters[name];
    if (!parameter) missing ??= name;
    return escape2(parameter?.value ?? "");
  });
  return missing ? { ok: false, name: missing } : { ok: true, text: filled };
}
function fillQuoted(token, parameters) {
  const quote = token.kind === "quoted" ? '"' : "'";
  const open = token.escapes === "e" ? 2 : 1;
  if (!token.closed || !token.text.includes("${"))
    return { ok: true, text: token.text };
  const escape2 = (value) => {
    const v = token.escapes === "e" ? value.replaceAll("\\", "\\\\") : value;
    return v.replaceAll(quote, quote + quote);
  };
  const inner = token.text.slice(open, -1);
  const filled = fillTemplates(inner, parameters, escape2);
  if (!filled.ok) return filled;
  return { ok: true, text: token.text.slice(0, open) + filled.text + quote };
}
function renderStatement(tokens, parameters) {
  let out = "";
  const nextSolid = (from) => {
    let j = from;
    while (j < tokens.length && (tokens[j].kind === "space" || tokens[j].kind === "comment"))
      j++;
    return j;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === "word" && token.text.toUpperCase() === "IDENTIFIER") {
      const open = nextSolid(i + 1);
      const arg = nextSolid(open + 1);
      const close = nextSolid(arg + 1);
      if (tokens[open]?.text === "(" && tokens[close]?.text === ")" && (tokens[arg]?.kind === "marker" || tokens[arg]?.kind === "string")) {
        const a = tokens[arg];
        if (a.kind === "marker") {
          const parameter = parameters[a.value];
          if (!parameter) {
            return {
              ok: false,
              line: a.line,
              message: `IDENTIFIER(:${a.value}) names no parameter of this step; its parameters are: ${Object.keys(parameters).join(", ") || "(none)"}.`
            };
          }
          out += parameter.relation ? quoteIdentifier(parameter.relation) : renderQualifiedName(parameter.value);
        } else {
          const filled = fillTemplates(a.value, parameters);
          if (!filled.ok)
            return unknownParameter(filled.name, a.line, parameters);
          out += renderQualifiedName(filled.text);
        }
        i = close;
        continue;
      }
    }
    if (token.kind === "word" && FILE_FORMATS.has(token.text.toLowerCase()) && tokens[i + 1]?.text === "." && tokens[i + 2]?.kind === "backtick") {
      const inner = /^\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}$/.exec(
        tokens[i + 2].value
      );
      const relation = inner ? parameters[inner[1]]?.relation : void 0;
      if (relation) {
        out += quoteIdentifier(relation);
        i += 2;
        continue;
      }
    }
    switch (token.kind) {
      case "marker": {
        const parameter = parameters[token.value];
        out += parameter ? renderLiteral(parameter.value) : token.text;
        break;
      }
      case "template": {
        const parameter = parameters[token.value];
        if (!parameter)
          return unknownParameter(token.value, token.line, parameters);
        out += parameter.relation ? quoteIdentifier(parameter.relation) : renderLiteral(parameter.value);
        break;
      }
      case "string":
      case "quoted": {
        const filled = fillQuoted(token, parameters);
        if (!filled.ok)
          return unknownParameter(filled.name, token.line, parameters);
        out += filled.text;
        break;
      }
      case "backtick": {
        if (!token.closed) {
          out += token.text;
          break;
        }
        const filled = fillTemplates(token.value, parameters);
        if (!filled.ok)
          return unknownParameter(filled.name, token.line, parameters);
        out += quoteIdentifier(filled.text);
        break;
      }
      default:
        out += token.text;
    }
  }
  return out;
}
var FILE_FORMATS, TEMPLATE;
var init_sql_params = __esm({
  "src/engines/local/sql-params.ts"() {
    "use strict";
    init_sql_lexer();
    FILE_FORMATS = /* @__PURE__ */ new Set(["parquet", "delta", "csv", "json"]);
    TEMPLATE = /\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/g;
  }
});

// src/engines/local/step-failure.ts
var StepFailure;
var init_step_failure = __esm({
  "src/engines/local/step-failure.ts"() {
    "use strict";
    StepFailure = class extends Error {
      constructor(error) {
        super(error.message);
        this.error = error;
        this.name = "StepFailure";
      }
      error;
    };
  }
});

// src/engines/local/tables.ts
import { glob, readdir as readdir2, stat as stat2 } from "node:fs/promises";
import path11 from "node:path";
function resolveLocalTable(root, location, options) {
  if (location.kind === "table") {
    const parts = location.name.split(".");
    return {
      path: path11.join(root, WAREHOUSE_DIR, ...parts) + ".parquet",
      format: "parquet",
      qualifiedName: location.name,
      ...options ? { options } : {}
    };
  }
  let uri = location.uri;
  if (uri.startsWith("file://")) uri = uri.slice("file://".length);
  if (REMOTE.test(uri)) {
    throw new StepFailure({
      kind: "engine",
      message: `${uri} is remote storage, and the local engine reads and writes local files only; use a profile whose tables.root and sources are local paths.`
    });
  }
  return {
    path: path11.resolve(root, uri),
    format: location.format.toLowerCase(),
    ...options ? { options } : {}
  };
}
function isGlob(p) {
  return GLOB.test(p);
}
async function kindOf(p) {
  try {
    return (await stat2(p)).isDirectory() ? "dir" : "file";
  } catch {
    return void 0;
  }
}
async function holdsData(dir) {
  const entries = await readdir2(dir, { withFileTypes: true, recursive: true });
  return entries.some(
    (e) => e.isFile() && !e.name.startsWith(".") && !e.name.startsWith("_")
  );
}
async function tableExists(table) {
  if (isGlob(table.path)) {
    for await (const _ of glob(table.path)) return true;
    return false;
  }
  const kind = await kindOf(table.path);
  if (kind === "dir") return holdsData(table.path);
  return kind === "file";
}
async function grantFor(table) {
  if (isGlob(table.path)) {
    const fixed = table.path.split(path11.sep);
    const first = fixed.findIndex((part) => isGlob(part));
    const dir = fixed.slice(0, first).join(path11.sep);
    return { paths: [], directories: [dir + path11.sep] };
  }
  return await kindOf(table.path) === "dir" ? { paths: [], directories: [table.path + path11.sep] } : { paths: [table.path], directories: [] };
}
function optionValue(value) {
  return /^(true|false|\d+)$/i.test(value) ? value : quoteLiteral(value);
}
async function readExpression(table) {
  const dir = !isGlob(table.path) && await kindOf(table.path) === "dir";
  const target = (ext) => quoteLiteral(dir ? path11.join(table.path, "**", `*.${ext}`) : table.path);
  switch (table.format) {
    case "parquet":
      return `read_parquet(${target("parquet")})`;
    case "csv": {
      const options = { header: "true" };
      for (const [key, value] of Object.entries(table.options ?? {})) {
        const name = CSV_OPTIONS[key.toLowerCase()];
        if (name) options[name] = value;
        else if (key.toLowerCase() !== "inferschema") {
          throw new StepFailure({
            kind: "engine",
            message: `CSV option "${key}" is not supported by the local engine; supported: ${Object.keys(CSV_OPTIONS).join(", ")}, inferSchema.`
          });
        }
      }
      const rendered = Object.entries(options).map(([k, v]) => `${k} = ${optionValue(v)}`).join(", ");
      return `read_csv_auto(${target("csv")}, ${rendered})`;
    }
    case "json":
      return `read_json_auto(${target("json")})`;
    default:
      throw new StepFailure({
        kind: "engine",
        message: `format "${table.format}" is not supported by the local engine (it reads parquet, csv and json); use parquet for local profiles.`
      });
  }
}
function copyOptions(format) {
  switch (format) {
    case "csv":
      return "(FORMAT csv, HEADER true)";
    case "json":
      return "(FORMAT json)";
    default:
      return "(FORMAT parquet)";
  }
}
var WAREHOUSE_DIR, REMOTE, GLOB, CSV_OPTIONS;
var init_tables = __esm({
  "src/engines/local/tables.ts"() {
    "use strict";
    init_sql_params();
    init_step_failure();
    WAREHOUSE_DIR = ".dtflw/warehouse";
    REMOTE = /^[A-Za-z][A-Za-z0-9+.-]*:\//;
    GLOB = /[*?[]/;
    CSV_OPTIONS = {
      header: "header",
      sep: "delim",
      delimiter: "delim",
      quote: "quote",
      escape: "escape",
      nullvalue: "nullstr",
      dateformat: "dateformat",
      timestampformat: "timestampformat",
      encoding: "encoding"
    };
  }
});

// src/engines/local/inspect.ts
function createTableInspector() {
  let instance;
  const query = async (sql) => {
    instance ??= loadDuckDB().then(
      (duckdb) => duckdb.DuckDBInstance.create(":memory:")
    );
    const connection = await (await instance).connect();
    try {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowsJson();
    } finally {
      connection.closeSync();
    }
  };
  return {
    async describe(table) {
      const rows = await query(
        `DESCRIBE SELECT * FROM ${await readExpression(table)}`
      );
      return rows.map(([name, type]) => ({
        name: String(name),
        type: toSparkType(String(type))
      }));
    },
    async countRows(table) {
      const rows = await query(
        `SELECT count(*) FROM ${await readExpression(table)}`
      );
      return Number(rows[0][0]);
    },
    close() {
      if (!instance) return;
      void instance.then((db) => db.closeSync()).catch(() => void 0);
      instance = void 0;
    }
  };
}
var init_inspect = __esm({
  "src/engines/local/inspect.ts"() {
    "use strict";
    init_duckdb();
    init_columns();
    init_tables();
  }
});

// src/engines/local/run-lock.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import {
  link,
  mkdir as mkdir3,
  readFile as readFile5,
  rename as rename2,
  unlink,
  writeFile as writeFile2
} from "node:fs/promises";
import { hostname } from "node:os";
import path12 from "node:path";
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
async function readOwner(file) {
  try {
    const owner = JSON.parse(await readFile5(file, "utf8"));
    return typeof owner.pid === "number" ? owner : void 0;
  } catch {
    return void 0;
  }
}
function isStale(owner, host) {
  if (!owner) return true;
  return owner.host === host && !alive(owner.pid);
}
async function tryCreate(file, owner) {
  const temp = `${file}.${randomBytes2(6).toString("hex")}`;
  await writeFile2(temp, JSON.stringify(owner));
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    if (error.code === "EEXIST") return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => void 0);
  }
}
async function takeOver(file, dead) {
  const aside = `${file}.stale-${randomBytes2(6).toString("hex")}`;
  try {
    await rename2(file, aside);
  } catch {
    return;
  }
  const moved = await readOwner(aside);
  if (dead && moved && JSON.stringify(moved) !== JSON.stringify(dead)) {
    await link(aside, file).catch(() => void 0);
  }
  await unlink(aside).catch(() => void 0);
}
function describe(owner) {
  return owner ? `run ${owner.runId} (pid ${owner.pid} on ${owner.host}, since ${owner.startedAt})` : "another run";
}
async function acquireRunLock(dir, options) {
  await mkdir3(dir, { recursive: true });
  const file = path12.join(dir, LOCK_FILE);
  const host = hostname();
  const mine = {
    pid: process.pid,
    host,
    runId: options.runId,
    startedAt: options.now().toISOString()
  };
  const deadline = Date.now() + options.waitMs;
  for (; ; ) {
    if (await tryCreate(file, mine)) break;
    const holder = await readOwner(file);
    if (isStale(holder, host)) {
      await takeOver(file, holder);
      continue;
    }
    if (Date.now() >= deadline || options.signal?.aborted) {
      throw new RefusedError(
        `the tables under ${dir} are in use by ${describe(holder)}: one run per profile at a time. Wait for it to finish, or run again with --wait <seconds>.${holder && holder.host !== host ? ` If that run is gone, remove ${file}.` : ""}`
      );
    }
    await new Promise(
      (resolve) => setTimeout(
        resolve,
        Math.min(options.pollMs ?? 200, Math.max(0, deadline - Date.now()))
      )
    );
  }
  return {
    file,
    async release() {
      const holder = await readOwner(file);
      if (holder && JSON.stringify(holder) === JSON.stringify(mine)) {
        await unlink(file).catch(() => void 0);
      }
    }
  };
}
var LOCK_FILE;
var init_run_lock = __esm({
  "src/engines/local/run-lock.ts"() {
    "use strict";
    init_diagnostics();
    LOCK_FILE = ".dtflw.lock";
  }
});

// src/engines/local/leftovers.ts
import { mkdir as mkdir4, readdir as readdir3, readFile as readFile6, rm as rm2, writeFile as writeFile3 } from "node:fs/promises";
import { hostname as hostname2 } from "node:os";
import path13 from "node:path";
function planTableRoot(root, plan, configured) {
  if (configured) return path13.resolve(root, configured);
  const dirs = [];
  for (const step of plan.steps) {
    for (const output of step.outputs) {
      try {
        dirs.push(path13.dirname(resolveLocalTable(root, output.location).path));
      } catch {
      }
    }
  }
  if (dirs.length === 0) return path13.join(root, ".dtflw");
  let common = dirs[0].split(path13.sep);
  for (const dir of dirs.slice(1)) {
    const parts = dir.split(path13.sep);
    let i = 0;
    while (i < common.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(path13.sep) || path13.sep;
}
async function claimWorkDir(workDir, owner) {
  await mkdir4(workDir, { recursive: true });
  await writeFile3(path13.join(workDir, OWNER_FILE), JSON.stringify(owner));
}
async function removeLeftovers(tableRoot, runsDir, currentRunDir) {
  const removed = [];
  const entries = await readdir3(tableRoot, {
    recursive: true,
    withFileTypes: true
  }).catch(() => []);
  const staging = entries.filter((e) => e.isDirectory() && e.name.startsWith(".dtflw-staging-")).map((e) => path13.join(e.parentPath, e.name)).filter(
    (dir, _, all) => !all.some((o) => dir !== o && dir.startsWith(o + path13.sep))
  );
  for (const dir of staging) {
    await rm2(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  const runs = await readdir3(runsDir, { withFileTypes: true }).catch(() => []);
  const host = hostname2();
  for (const run2 of runs) {
    if (!run2.isDirectory()) continue;
    const runDir = path13.join(runsDir, run2.name);
    if (runDir === currentRunDir) continue;
    const work = path13.join(runDir, "work");
    const owner = await readFile6(path13.join(work, OWNER_FILE), "utf8").then((text2) => JSON.parse(text2)).catch(
      (error) => error.code === "ENOENT" ? void 0 : {}
    );
    const exists2 = await readdir3(work).then(
      () => true,
      () => false
    );
    if (!exists2 || !isStale(owner, host)) continue;
    await rm2(work, { recursive: true, force: true });
    removed.push(work);
  }
  return removed;
}
var OWNER_FILE;
var init_leftovers = __esm({
  "src/engines/local/leftovers.ts"() {
    "use strict";
    init_run_lock();
    init_tables();
    OWNER_FILE = ".owner";
  }
});

// src/engines/local/runnable.ts
function refuse(cell) {
  const magic = cell.magic ?? `%${cell.kind}`;
  switch (cell.kind) {
    case "python":
    case "sql":
    case "markdown":
      return void 0;
    case "scala":
    case "r":
      return `a ${magic} cell cannot run locally (${ENGINES}); rewrite it in Python or SQL, or run this flow with a Databricks profile`;
    case "pip":
      return `a %pip cell cannot run locally: the local engine does not install packages; install them into python3 yourself (${cell.magicArgs ? `pip ${cell.magicArgs}` : "pip install \u2026"}) and move the %pip cell out of the notebook, or run with a Databricks profile`;
    case "run":
      return `a %run cell (${cell.magicArgs ?? (cell.source.trim().split("\n")[0] || "no target")}) cannot run locally: the local engine does not inline notebooks; make that notebook a step of the flow, or import a Python module instead`;
    case "shell":
    case "fs":
      return `a ${magic} cell cannot run locally: it acts on a Databricks driver or DBFS; move it out of the notebook or run with a Databricks profile`;
    default:
      return `the magic ${magic} cannot run locally (${ENGINES}); remove it or run with a Databricks profile`;
  }
}
function checkRunnable(notebook) {
  if (notebook.language === "scala" || notebook.language === "r") {
    const name = notebook.language === "r" ? "R" : "Scala";
    return [
      {
        notebook: notebook.path,
        line: 1,
        message: `${notebook.path}: ${name} notebooks cannot run locally (${ENGINES}); run this flow with a Databricks profile, or rewrite the notebook in Python or SQL.`
      }
    ];
  }
  const problems = [];
  for (const cell of notebook.cells) {
    const why = refuse(cell);
    if (!why) continue;
    problems.push({
      notebook: notebook.path,
      line: cell.line,
      cell: cell.index,
      message: `${notebook.path}:${cell.line}: ${why}.`
    });
  }
  return problems;
}
function planRunMode(notebook) {
  return notebook.cells.some((cell) => cell.kind === "python") ? "python" : "sql";
}
var ENGINES;
var init_runnable = __esm({
  "src/engines/local/runnable.ts"() {
    "use strict";
    ENGINES = "the local engine runs SQL in DuckDB and Python with python3";
  }
});

// src/engines/local/preflight.ts
import path14 from "node:path";
async function preflight(root, plan) {
  const notebooks = /* @__PURE__ */ new Map();
  const failures = /* @__PURE__ */ new Map();
  const paths = [...new Set(plan.steps.map((s) => s.notebook))];
  const read = await Promise.all(
    paths.map(async (p) => {
      try {
        return { path: p, notebook: await readNotebook(path14.join(root, p), p) };
      } catch (error) {
        return { path: p, error: error.message };
      }
    })
  );
  const byPath2 = new Map(read.map((r) => [r.path, r]));
  for (const step of plan.steps) {
    const entry = byPath2.get(step.notebook);
    if (entry.error !== void 0 || !entry.notebook) {
      failures.set(step.key, { kind: "engine", message: entry.error ?? "" });
      continue;
    }
    const problems = checkRunnable(entry.notebook);
    if (problems.length > 0) {
      failures.set(step.key, {
        kind: "language",
        message: problems[0].message,
        ...problems.length > 1 ? { detail: problems.map((p) => p.message).join("\n") } : {}
      });
      continue;
    }
    notebooks.set(step.key, entry.notebook);
  }
  return { notebooks, failures };
}
var init_preflight = __esm({
  "src/engines/local/preflight.ts"() {
    "use strict";
    init_notebooks();
    init_runnable();
  }
});

// src/engines/local/python-env.ts
import { execFile as execFile2 } from "node:child_process";
import path15 from "node:path";
function planPythonEnv(input) {
  const env = {
    PATH: [path15.dirname(input.executable), ...SYSTEM_PATH].join(path15.delimiter),
    HOME: input.home,
    TMPDIR: input.tmp,
    LANG: "C.UTF-8",
    PYTHONUNBUFFERED: "1",
    PYTHONDONTWRITEBYTECODE: "1",
    PYSPARK_PYTHON: input.executable
  };
  for (const name of PASSED) {
    const value = input.from[name];
    if (value) env[name] = value;
  }
  return env;
}
function probePython(command, env) {
  const key = `${command}\0${env.PATH ?? ""}`;
  let found = probed.get(key);
  if (!found) {
    found = lookup(command, env);
    probed.set(key, found);
  }
  return found;
}
function lookup(command, env) {
  return new Promise((resolve) => {
    execFile2(
      command,
      ["-c", PROBE],
      { env, timeout: 3e4 },
      (error, stdout) => {
        try {
          if (error) throw error;
          const [executable, ...folders] = JSON.parse(stdout);
          if (!executable) throw new Error("no sys.executable");
          resolve({ executable, folders: [...new Set(folders)] });
        } catch {
          resolve({ executable: command, folders: [] });
        }
      }
    );
  });
}
function planPythonCommand(profilePython, envPython) {
  if (envPython) return { command: envPython, resolve: false };
  if (profilePython) return { command: profilePython, resolve: false };
  return { command: "python3", resolve: true };
}
var PASSED, SYSTEM_PATH, PROBE, probed;
var init_python_env = __esm({
  "src/engines/local/python-env.ts"() {
    "use strict";
    PASSED = ["TZ", "JAVA_HOME", "SPARK_HOME"];
    SYSTEM_PATH = ["/usr/local/bin", "/usr/bin", "/bin"];
    PROBE = [
      "import json, sys",
      "print(json.dumps([sys.executable, sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix] + [p for p in sys.path if p]))"
    ].join("\n");
    probed = /* @__PURE__ */ new Map();
  }
});

// src/engines/local/bwrap.ts
import { execFile as execFile3 } from "node:child_process";
import path16 from "node:path";
function planBwrapArgs(mounts) {
  const args = [
    "--die-with-parent",
    "--new-session",
    "--unshare-all",
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    "--tmpfs",
    "/tmp"
  ];
  for (const folder of SYSTEM_FOLDERS)
    args.push("--ro-bind-try", folder, folder);
  for (const folder of mounts.system) args.push("--ro-bind-try", folder, folder);
  args.push("--ro-bind", mounts.root, mounts.root);
  args.push("--tmpfs", path16.join(mounts.root, ".dtflw"));
  for (const file of mounts.hidden) args.push("--ro-bind", mounts.empty, file);
  for (const p of mounts.readOnly) args.push("--ro-bind", p, p);
  for (const p of mounts.writable) args.push("--bind", p, p);
  args.push("--chdir", mounts.root);
  return args;
}
function probeBwrap(bwrap = "bwrap") {
  return new Promise((resolve) => {
    execFile3(
      bwrap,
      ["--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "true"],
      { timeout: 1e4 },
      (error, _stdout, stderr) => {
        if (!error) return resolve(void 0);
        if (error.code === "ENOENT") {
          return resolve(
            "bwrap is not installed (Debian and Ubuntu: apt-get install bubblewrap; Fedora: dnf install bubblewrap)"
          );
        }
        resolve(
          `bwrap cannot create namespaces here: ${String(stderr).trim() || error.message}`
        );
      }
    );
  });
}
var SYSTEM_FOLDERS;
var init_bwrap = __esm({
  "src/engines/local/bwrap.ts"() {
    "use strict";
    SYSTEM_FOLDERS = [
      "/usr",
      "/bin",
      "/sbin",
      "/lib",
      "/lib32",
      "/lib64",
      "/etc"
    ];
  }
});

// src/engines/local/python-worker.ts
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
function pythonHarnessDir() {
  return fileURLToPath(new URL("./python/", import.meta.url));
}
function pythonWorkerScript() {
  const script = `${pythonHarnessDir()}dtflw_worker.py`;
  if (!existsSync(script)) {
    throw new Error(
      `the Python harness of the local engine is missing (${script}); reinstall dtflw.`
    );
  }
  return script;
}
function startPythonWorker(command) {
  let closed = false;
  let exited = false;
  let startError;
  const tail = [];
  let current;
  const child = spawn(command.file, [...command.args], {
    cwd: command.cwd,
    env: command.env,
    stdio: ["pipe", "pipe", "pipe", "pipe"]
  });
  child.stdin.on("error", () => void 0);
  const settle = (part) => {
    if (!current) return;
    current.waiting.delete(part);
    if (current.waiting.size > 0) return;
    const finished = current;
    current = void 0;
    finished.resolve(finished.done ?? { crashed: "no result" });
  };
  for (const stream of ["stdout", "stderr"]) {
    createInterface({ input: child[stream] }).on("line", (line) => {
      if (line === END_OF_STEP) return settle(stream);
      tail.push(line);
      if (tail.length > 20) tail.shift();
      current?.onOutput(stream, line);
    });
  }
  createInterface({ input: child.stdio[3] }).on("line", (line) => {
    if (!current) return;
    try {
      current.done = JSON.parse(line).done;
    } catch {
      return;
    }
    settle("done");
  });
  child.once("error", (error) => {
    startError = error;
    exited = true;
    current?.reject(error);
    current = void 0;
  });
  child.once("close", (code2, signal) => {
    exited = true;
    if (!current) return;
    const finished = current;
    current = void 0;
    const why = signal ? `killed by signal ${signal}` : `exit code ${code2}`;
    const said = tail.filter((l) => l.trim()).slice(-5).join("\n");
    finished.resolve({ crashed: said ? `${why}: ${said}` : why });
  });
  return {
    get pid() {
      return child.pid;
    },
    get alive() {
      return !closed && !exited;
    },
    run(request, onOutput) {
      if (startError) return Promise.reject(startError);
      if (exited) return Promise.resolve({ crashed: "the worker had ended" });
      tail.length = 0;
      return new Promise((resolve, reject) => {
        current = {
          onOutput,
          waiting: /* @__PURE__ */ new Set(["done", "stdout", "stderr"]),
          resolve,
          reject
        };
        child.stdin.write(`${JSON.stringify(request)}
`);
      });
    },
    close() {
      closed = true;
      child.stdin.end();
    },
    kill() {
      closed = true;
      if (exited) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => {
        if (!exited) child.kill("SIGKILL");
      }, KILL_GRACE_MS);
      timer.unref();
    }
  };
}
var END_OF_STEP, KILL_GRACE_MS;
var init_python_worker = __esm({
  "src/engines/local/python-worker.ts"() {
    "use strict";
    END_OF_STEP = "\0dtflw-end-of-step";
    KILL_GRACE_MS = 3e3;
  }
});

// src/engines/local/worker-pool.ts
function createWorkerPool(create) {
  const idle = [];
  let closed = false;
  return {
    acquire() {
      while (idle.length > 0) {
        const worker = idle.pop();
        if (worker.alive) return worker;
      }
      return create();
    },
    release(worker) {
      if (closed || !worker.alive) {
        worker.close();
        return;
      }
      idle.push(worker);
    },
    close() {
      closed = true;
      for (const worker of idle.splice(0)) worker.close();
    }
  };
}
var init_worker_pool = __esm({
  "src/engines/local/worker-pool.ts"() {
    "use strict";
  }
});

// src/engines/local/python-runner.ts
import { existsSync as existsSync2 } from "node:fs";
import { writeFile as writeFile4 } from "node:fs/promises";
import path17 from "node:path";
function createPythonRunner(options) {
  let interpreter;
  let bwrapProblem;
  const lookup2 = () => interpreter ??= probePython(options.command, options.env);
  const executableOf = (found) => options.resolve ? found.executable : options.command;
  const workerFactory = async () => {
    const found = await lookup2();
    const executable = executableOf(found);
    const env = {
      ...planPythonEnv({
        executable,
        home: options.env.HOME ?? options.workDir,
        tmp: options.workDir,
        from: options.env
      }),
      DTFLW_PARENT_PID: String(process.pid)
    };
    const script = pythonWorkerScript();
    return () => startPythonWorker({
      file: executable,
      args: ["-u", script],
      env,
      cwd: options.root
    });
  };
  let pool;
  let starter;
  const strictWorker = async (request, access2) => {
    bwrapProblem ??= probeBwrap();
    const problem = await bwrapProblem;
    if (problem) {
      throw new StepFailure({
        kind: "engine",
        message: `the profile asks for sandbox: strict, and ${problem}; install bubblewrap, or set sandbox: standard in the profile.`
      });
    }
    const found = await lookup2();
    const executable = executableOf(found);
    const script = pythonWorkerScript();
    const hidden = [".env", ".env.local", ".databrickscfg"].map((name) => path17.join(options.root, name)).filter((file) => existsSync2(file));
    const empty = path17.join(request.tmp, ".empty");
    await writeFile4(empty, "");
    const args = planBwrapArgs({
      root: options.root,
      hidden,
      empty,
      system: [
        ...found.folders,
        path17.dirname(executable),
        path17.dirname(found.executable),
        pythonHarnessDir()
      ].filter((p) => path17.isAbsolute(p) && existsSync2(p)),
      readOnly: access2.readOnly.filter((p) => existsSync2(p)),
      writable: [request.tmp, ...access2.writable]
    });
    return startPythonWorker({
      file: "bwrap",
      args: [...args, "--", executable, "-u", script],
      env: planPythonEnv({
        executable,
        home: request.tmp,
        tmp: request.tmp,
        from: options.env
      }),
      cwd: options.root
    });
  };
  return {
    async run(request, access2, onOutput, signal) {
      let worker;
      if (options.sandbox === "strict") {
        worker = await strictWorker(request, access2);
      } else if (options.warm) {
        starter ??= workerFactory();
        const create = await starter;
        pool ??= createWorkerPool(create);
        worker = pool.acquire();
      } else {
        worker = (await workerFactory())();
      }
      const kill = () => worker.kill();
      if (signal.aborted) kill();
      signal.addEventListener("abort", kill, { once: true });
      try {
        return await worker.run(request, onOutput);
      } finally {
        signal.removeEventListener("abort", kill);
        if (pool && options.sandbox !== "strict" && options.warm) {
          pool.release(worker);
        } else {
          worker.close();
        }
      }
    },
    async describe() {
      const found = await lookup2();
      const shown2 = executableOf(found);
      return options.sandbox === "strict" ? `${shown2} (sandbox: strict)` : shown2;
    },
    close() {
      pool?.close();
    }
  };
}
var init_python_runner = __esm({
  "src/engines/local/python-runner.ts"() {
    "use strict";
    init_bwrap();
    init_python_env();
    init_python_worker();
    init_step_failure();
    init_worker_pool();
  }
});

// src/engines/local/sql-job.ts
var END_OF_JOB;
var init_sql_job = __esm({
  "src/engines/local/sql-job.ts"() {
    "use strict";
    END_OF_JOB = "\0dtflw-end-of-job";
  }
});

// src/engines/local/sql-child.ts
import { fork } from "node:child_process";
import { existsSync as existsSync3 } from "node:fs";
import { createInterface as createInterface2 } from "node:readline";
import { fileURLToPath as fileURLToPath2 } from "node:url";
function sqlWorkerScript() {
  const compiled3 = fileURLToPath2(new URL("./sql-worker.js", import.meta.url));
  if (existsSync3(compiled3)) return compiled3;
  return fileURLToPath2(new URL("./sql-worker.ts", import.meta.url));
}
function startSqlWorker(env) {
  let closed = false;
  let exited = false;
  let current;
  const outputTail = [];
  const child = fork(sqlWorkerScript(), [], {
    execArgv: [],
    env,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    serialization: "json"
  });
  const settle = (part) => {
    if (!current) return;
    current.waiting.delete(part);
    if (current.waiting.size > 0) return;
    const finished = current;
    current = void 0;
    hold(false);
    finished.resolve(finished.result ?? {});
  };
  for (const stream of ["stdout", "stderr"]) {
    createInterface2({ input: child[stream] }).on("line", (line) => {
      if (line === END_OF_JOB) return settle(stream);
      outputTail.push(line);
      if (outputTail.length > 20) outputTail.shift();
      current?.onOutput(line);
    });
  }
  child.on("message", (message) => {
    if (!current || message.id !== current.id) return;
    if (message.type === "log") current.onLog(message.line);
    else {
      current.result = message.error ? { error: message.error } : {};
      settle("done");
    }
  });
  child.once("close", (code2, signal) => {
    exited = true;
    if (!current) return;
    const finished = current;
    current = void 0;
    const why = signal ? `killed by signal ${signal}` : `exit code ${code2}`;
    const tail = outputTail.filter((l) => l.trim()).join("\n");
    finished.resolve({ crashed: tail ? `${why}: ${tail}` : why });
  });
  child.on("error", () => void 0);
  const hold = (on) => {
    for (const handle of [child, child.channel, child.stdout, child.stderr]) {
      const h = handle;
      if (on) h?.ref?.();
      else h?.unref?.();
    }
  };
  hold(false);
  const request = (message) => {
    if (!exited && child.connected) child.send(message);
  };
  return {
    get alive() {
      return !closed && !exited;
    },
    run(job, onLog, onOutput) {
      if (exited) return Promise.resolve({ crashed: "the worker had ended" });
      outputTail.length = 0;
      hold(true);
      return new Promise((resolve) => {
        current = {
          id: job.id,
          onLog,
          onOutput,
          waiting: /* @__PURE__ */ new Set(["done", "stdout", "stderr"]),
          resolve
        };
        request({ type: "run", job });
      });
    },
    interrupt() {
      request({ type: "interrupt" });
    },
    kill() {
      closed = true;
      if (!exited) child.kill("SIGKILL");
    },
    close() {
      closed = true;
      if (!exited) child.disconnect();
    }
  };
}
function sharedSqlWorkers(env) {
  const key = JSON.stringify(env);
  let pool = shared.get(key);
  if (!pool) {
    pool = createWorkerPool(() => startSqlWorker(env));
    shared.set(key, pool);
  }
  return pool;
}
var shared;
var init_sql_child = __esm({
  "src/engines/local/sql-child.ts"() {
    "use strict";
    init_sql_job();
    init_worker_pool();
    shared = /* @__PURE__ */ new Map();
  }
});

// src/engines/local/output-checks.ts
async function checkOutputs(inspector, outputs) {
  const missing = [];
  const mismatched = [];
  const writes = [];
  for (const o of outputs) {
    const stagedTable = { ...o.table, path: o.staging.staged };
    if (!await tableExists(stagedTable)) {
      missing.push(o);
      continue;
    }
    if (o.output.columns && o.output.columns.length > 0) {
      const actual = await inspector.describe(stagedTable);
      const problems = checkColumns(actual, o.output.columns, o.output.strict);
      if (problems.length > 0) mismatched.push({ output: o, problems });
    }
    writes.push({
      table: o.output.alias,
      param: o.output.param,
      location: o.output.location,
      rows: await inspector.countRows(stagedTable)
    });
  }
  if (missing.length > 0) {
    const first = missing[0].output;
    const names = missing.map((o) => `"${o.output.alias}"`).join(", ");
    throw new StepFailure({
      kind: "output-missing",
      table: first.alias,
      message: `${missing.length === 1 ? "output" : "outputs"} ${names} ${missing.length === 1 ? "was" : "were"} not written by the notebook: in SQL create it with CREATE OR REPLACE TABLE IDENTIFIER(:${first.param}) AS \u2026, in Python write to dbutils.widgets.get("${first.param}").`
    });
  }
  if (mismatched.length > 0) {
    const first = mismatched[0].output.output;
    throw new StepFailure({
      kind: "columns",
      table: first.alias,
      message: mismatched.map(
        (m) => `output "${m.output.output.alias}" does not have its declared columns: ${m.problems.join("; ")}.`
      ).join(" ")
    });
  }
  return writes;
}
async function countReads(inspector, declared, inputs) {
  return Promise.all(
    declared.map(async (access2) => {
      const input = inputs.find((i) => i.input.param === access2.param);
      if (!input || input.table.format !== "parquet") return access2;
      const rows = await inspector.countRows(input.table);
      return { ...access2, rows };
    })
  );
}
var init_output_checks = __esm({
  "src/engines/local/output-checks.ts"() {
    "use strict";
    init_columns();
    init_step_failure();
    init_tables();
  }
});

// src/engines/local/sql-guard.ts
import path18 from "node:path";
function writtenFile(tokens) {
  const first = word(tokens[0]);
  if (first === "copy") {
    let depth = 0;
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.text === "(") depth++;
      else if (t.text === ")") depth--;
      else if (depth === 0 && word(t) === "to") {
        if (word(tokens[1]) === "from" && word(tokens[2]) === "database") {
          return { ok: true };
        }
        const file = literal(tokens[i + 1]);
        return file === void 0 ? {
          ok: false,
          reason: "COPY \u2026 TO must name its file as a string in the step\u2019s output staging folder"
        } : { ok: true, file };
      }
    }
    return { ok: true };
  }
  if (first === "export" || first === "attach") {
    const file = tokens.map(literal).find((v) => v !== void 0);
    if (file === void 0) {
      return {
        ok: false,
        reason: `${first.toUpperCase()} must name its file as a string`
      };
    }
    if (first === "attach" && (file === ":memory:" || file === "")) {
      return { ok: true };
    }
    return { ok: true, file };
  }
  return { ok: true };
}
function inside(file, dir) {
  const relative = path18.relative(dir, file);
  return relative === "" || !relative.startsWith("..") && !path18.isAbsolute(relative);
}
function checkSqlStatement(text2, writable, cwd) {
  const tokens = tokenizeSql(text2).filter(solid);
  for (const t of tokens) {
    const name = word(t);
    if (REFUSED_FUNCTIONS.has(name)) {
      return `${name}() is refused by the local engine: it changes DuckDB\u2019s logging for the whole process; remove the call (local runs keep each step\u2019s output in its log).`;
    }
  }
  const target = writtenFile(tokens);
  if (!target.ok) {
    return `${target.reason}; a SQL step writes only its declared outputs (CREATE OR REPLACE TABLE IDENTIFIER(:name_out) AS \u2026).`;
  }
  if (target.file === void 0) return void 0;
  const file = target.file;
  const resolved = file.includes("://") || file.startsWith("~") ? void 0 : path18.resolve(cwd, file);
  if (resolved && writable.some((dir) => inside(resolved, dir))) {
    return void 0;
  }
  return `'${file}' is outside what this step may write: inputs and sources are read-only, and a SQL step writes only its declared outputs (CREATE OR REPLACE TABLE IDENTIFIER(:name_out) AS \u2026).`;
}
var REFUSED_FUNCTIONS, solid, word, literal;
var init_sql_guard = __esm({
  "src/engines/local/sql-guard.ts"() {
    "use strict";
    init_sql_lexer();
    REFUSED_FUNCTIONS = /* @__PURE__ */ new Set([
      "enable_logging",
      "disable_logging",
      "truncate_duckdb_logs"
    ]);
    solid = (t) => t.kind !== "space" && t.kind !== "comment";
    word = (t) => t && (t.kind === "word" || t.kind === "quoted") ? (t.value ?? t.text).toLowerCase() : "";
    literal = (t) => t && (t.kind === "string" || t.kind === "dollar-string") && t.closed !== false ? t.value : void 0;
  }
});

// src/engines/local/sql-step.ts
function fileLine(cell, sourceLine) {
  return (cell.sourceLine ?? cell.line) + sourceLine - 1;
}
function planSqlStatements(input) {
  const { notebook } = input;
  const statements = [];
  for (const cell of notebook.cells) {
    if (cell.kind !== "sql") continue;
    const bound = bindSql(cell.source, input.parameters);
    if (!bound.ok) {
      throw new StepFailure({
        kind: "notebook",
        message: `${notebook.path}:${fileLine(cell, bound.line)}: ${bound.message}`
      });
    }
    for (const statement of bound.statements) {
      const line = fileLine(cell, statement.line);
      const skip = WIDGET_STATEMENT.test(statement.text);
      const refused = skip ? void 0 : checkSqlStatement(statement.text, input.writable, input.tmp);
      if (refused) {
        throw new StepFailure({
          kind: "notebook",
          message: `${notebook.path}:${line}: ${refused}`,
          detail: statement.text
        });
      }
      statements.push({
        text: statement.text,
        line,
        cell: cell.index,
        ...skip ? { skip } : {}
      });
    }
  }
  return statements;
}
async function executeSqlStep(input) {
  const { notebook, signal, log } = input;
  const statements = planSqlStatements(input);
  const job = {
    id: ++jobs,
    searchFrom: input.searchFrom,
    threads: input.threads,
    cwd: input.tmp,
    setup: [...input.duckdb.setup, ...input.duckdb.sandbox],
    statements,
    exports: input.duckdb.exports
  };
  if (signal.aborted) return;
  const worker = input.worker();
  let killTimer;
  const interrupt = () => {
    worker.interrupt();
    killTimer = setTimeout(() => worker.kill(), INTERRUPT_GRACE_MS);
    killTimer.unref();
  };
  signal.addEventListener("abort", interrupt, { once: true });
  let result;
  try {
    result = await worker.run(job, log, log);
  } finally {
    signal.removeEventListener("abort", interrupt);
    if (killTimer) clearTimeout(killTimer);
    input.release(worker);
  }
  if (signal.aborted) return;
  if (result.crashed !== void 0) {
    throw new StepFailure({
      kind: "engine",
      message: `DuckDB ended its process while running ${notebook.path} (${result.crashed.split("\n")[0]}); the step's output is in its log.`,
      detail: result.crashed
    });
  }
  const error = result.error;
  if (!error) return;
  const first = error.message.split("\n")[0];
  if (error.phase === "statement") {
    const statement = statements[error.index ?? 0];
    throw new StepFailure({
      kind: "notebook",
      message: `${notebook.path}:${statement.line}: ${first}`,
      detail: `${error.message}

in cell ${statement.cell + 1}, statement at line ${statement.line}:
${statement.text}`
    });
  }
  throw new StepFailure({
    kind: "engine",
    message: error.phase === "setup" ? `the local engine could not prepare the step's tables: ${first}` : `the local engine could not write an output of ${notebook.path}: ${first}`,
    detail: error.statement ? `${error.message}

${error.statement}` : error.message
  });
}
var WIDGET_STATEMENT, INTERRUPT_GRACE_MS, jobs;
var init_sql_step = __esm({
  "src/engines/local/sql-step.ts"() {
    "use strict";
    init_sql_guard();
    init_step_failure();
    init_sql_params();
    WIDGET_STATEMENT = /^(CREATE|REMOVE)\s+WIDGET\b/i;
    INTERRUPT_GRACE_MS = 2e3;
    jobs = 0;
  }
});

// src/engines/local/python-step.ts
function harnessCells(input) {
  const { notebook } = input;
  return notebook.cells.flatMap((cell) => {
    if (cell.kind === "python") {
      return [
        { kind: "python", source: cell.source, fileLine: fileLine(cell, 1) }
      ];
    }
    if (cell.kind !== "sql") return [];
    const bound = bindSql(cell.source, input.sqlParameters);
    if (!bound.ok) {
      throw new StepFailure({
        kind: "notebook",
        message: `${notebook.path}:${fileLine(cell, bound.line)}: ${bound.message}`
      });
    }
    const at = (s) => ({
      text: s.text,
      fileLine: fileLine(cell, s.line)
    });
    return [
      {
        kind: "sql",
        statements: bound.statements.map(at),
        rawStatements: splitSql(cell.source).map(at)
      }
    ];
  });
}
async function executePythonStep(input) {
  const { notebook, signal, log } = input;
  const spec = {
    notebook: notebook.path,
    parameters: input.parameters,
    spark: input.spark,
    cells: harnessCells(input),
    duckdb: {
      threads: input.threads,
      setup: input.duckdb.setup,
      sandbox: input.duckdb.sandbox
    },
    exports: input.duckdb.exports
  };
  const done2 = await input.runner.run(
    { spec, cwd: input.root, tmp: input.tmp },
    input.access,
    (_stream, line) => log(line),
    signal
  ).catch((error) => {
    if (error instanceof StepFailure) throw error;
    throw new StepFailure({
      kind: "engine",
      message: error.code === "ENOENT" ? `${error.path ?? "python3"} was not found: the local engine runs Python notebooks with it; install Python 3 or point the engine at another interpreter.` : `Python could not be started: ${error.message}`
    });
  });
  if (signal.aborted) return {};
  if (done2.crashed !== void 0) {
    throw new StepFailure({
      kind: "engine",
      message: `the Python process of ${notebook.path} ended without a result (${done2.crashed.split("\n")[0]}).`,
      detail: done2.crashed
    });
  }
  if (done2.error) {
    const where = done2.error.line ? `${notebook.path}:${done2.error.line}` : notebook.path;
    throw new StepFailure({
      kind: "notebook",
      message: `${where}: ${lastLine(done2.error.message)}`,
      detail: done2.error.traceback || done2.error.message
    });
  }
  return done2.exitValue !== void 0 ? { exitValue: done2.exitValue } : {};
}
function lastLine(text2) {
  const lines = text2.trim().split("\n");
  return lines[lines.length - 1];
}
var init_python_step = __esm({
  "src/engines/local/python-step.ts"() {
    "use strict";
    init_sql_step();
    init_step_failure();
    init_sql_params();
  }
});

// src/engines/local/staging.ts
import { randomBytes as randomBytes3 } from "node:crypto";
import { mkdir as mkdir5, rename as rename3, rm as rm3, stat as stat3 } from "node:fs/promises";
import path19 from "node:path";
async function stageOutputs(targets) {
  const token = randomBytes3(6).toString("hex");
  const staged = targets.map((target) => {
    const stagingDir = path19.join(
      path19.dirname(target),
      `.dtflw-staging-${token}`
    );
    return {
      target,
      stagingDir,
      staged: path19.join(stagingDir, path19.basename(target))
    };
  });
  await Promise.all(staged.map((s) => mkdir5(s.stagingDir, { recursive: true })));
  return staged;
}
async function exists(p) {
  try {
    await stat3(p);
    return true;
  } catch {
    return false;
  }
}
async function promoteOutput(output) {
  const targetStat = await stat3(output.target).catch(() => void 0);
  const stagedStat = await stat3(output.staged);
  if (!targetStat || !targetStat.isDirectory() && !stagedStat.isDirectory()) {
    await rename3(output.staged, output.target);
    return;
  }
  const aside = path19.join(
    output.stagingDir,
    `previous-${path19.basename(output.target)}`
  );
  await rename3(output.target, aside);
  try {
    await rename3(output.staged, output.target);
  } catch (error) {
    if (!await exists(output.target)) await rename3(aside, output.target);
    throw error;
  }
}
async function discardStaging(outputs) {
  const dirs = new Set(outputs.map((o) => o.stagingDir));
  await Promise.all(
    [...dirs].map((dir) => rm3(dir, { recursive: true, force: true }))
  );
}
var init_staging = __esm({
  "src/engines/local/staging.ts"() {
    "use strict";
  }
});

// src/engines/local/step-log.ts
import { createWriteStream as createWriteStream2 } from "node:fs";
import { mkdir as mkdir6 } from "node:fs/promises";
import path20 from "node:path";
async function openStepLog(file) {
  await mkdir6(path20.dirname(file), { recursive: true });
  const stream = createWriteStream2(file);
  const last = [];
  return {
    write(line) {
      stream.write(`${line}
`);
      last.push(line);
      if (last.length > TAIL_LINES) last.shift();
    },
    tail() {
      const text2 = last.join("\n");
      return text2.length > TAIL_CHARS ? `\u2026${text2.slice(-TAIL_CHARS)}` : text2;
    },
    close() {
      return new Promise((resolve, reject) => {
        stream.once("error", reject);
        stream.end(() => resolve());
      });
    }
  };
}
var TAIL_LINES, TAIL_CHARS;
var init_step_log = __esm({
  "src/engines/local/step-log.ts"() {
    "use strict";
    TAIL_LINES = 50;
    TAIL_CHARS = 4e3;
  }
});

// src/engines/local/step-tables.ts
import path21 from "node:path";
function splitName(name) {
  return name.split(".").map((p) => p.trim());
}
function catalogSetup(names) {
  const statements = [];
  const catalogs = /* @__PURE__ */ new Set();
  const schemas = /* @__PURE__ */ new Set();
  for (const name of names) {
    const parts = splitName(name);
    if (parts.length !== 3) continue;
    const [catalog, schema] = parts;
    if (!catalogs.has(catalog)) {
      catalogs.add(catalog);
      statements.push(`ATTACH ':memory:' AS ${quoteIdentifier(catalog)}`);
    }
    const key = `${catalog}.${schema}`;
    if (!schemas.has(key)) {
      schemas.add(key);
      statements.push(`CREATE SCHEMA IF NOT EXISTS ${renderQualifiedName(key)}`);
    }
  }
  return statements;
}
function list(values) {
  return `[${[...new Set(values)].map(quoteLiteral).join(", ")}]`;
}
function planDuckdbStepSql(tables, tmp, relativeTo) {
  const qualified = [
    ...tables.inputs.map((i) => i.table.qualifiedName),
    ...tables.outputs.map((o) => o.table.qualifiedName)
  ].filter((n) => n !== void 0);
  const setup = [...catalogSetup(qualified)];
  for (const input of tables.inputs) {
    setup.push(
      `CREATE OR REPLACE VIEW ${quoteIdentifier(input.input.param)} AS SELECT * FROM ${input.reader}`
    );
    if (input.table.qualifiedName && splitName(input.table.qualifiedName).length === 3) {
      setup.push(
        `CREATE OR REPLACE VIEW ${renderQualifiedName(input.table.qualifiedName)} AS SELECT * FROM ${input.reader}`
      );
    }
  }
  const both = (p) => relativeTo ? [p, path21.relative(relativeTo, p) || "."] : [p];
  const paths = tables.inputs.flatMap((i) => i.grant.paths.flatMap(both));
  const directories = [
    tmp + path21.sep,
    ...tables.inputs.flatMap((i) => i.grant.directories),
    ...tables.outputs.map((o) => o.staging.stagingDir + path21.sep)
  ].flatMap(
    (d) => relativeTo ? [d, (path21.relative(relativeTo, d) || ".") + path21.sep] : [d]
  );
  const sandbox = [
    `SET temp_directory = ${quoteLiteral(tmp)}`,
    `SET allowed_paths = ${list(paths)}`,
    `SET allowed_directories = ${list(directories)}`,
    "SET enable_external_access = false",
    "SET lock_configuration = true"
  ];
  const exports = tables.outputs.map((o) => ({
    param: o.output.param,
    staged: o.staging.staged,
    candidates: [
      quoteIdentifier(o.output.param),
      ...o.table.qualifiedName ? [renderQualifiedName(o.table.qualifiedName)] : []
    ],
    copy: `COPY (SELECT * FROM {}) TO ${quoteLiteral(o.staging.staged)} ${copyOptions(o.table.format)}`
  }));
  return { setup, sandbox, exports };
}
function planSqlParameters(parameters, tables) {
  const bound = {};
  for (const [name, value] of Object.entries(parameters)) {
    bound[name] = { value };
  }
  for (const input of tables.inputs) {
    bound[input.input.param] = {
      value: input.table.qualifiedName ?? input.table.path,
      relation: input.input.param
    };
  }
  for (const output of tables.outputs) {
    bound[output.output.param] = {
      value: output.table.qualifiedName ?? output.staging.staged,
      relation: output.output.param
    };
  }
  return bound;
}
var init_step_tables = __esm({
  "src/engines/local/step-tables.ts"() {
    "use strict";
    init_sql_params();
    init_tables();
  }
});

// src/engines/local/undeclared-writes.ts
async function runWatched(settings, step, outputs, run2, signal) {
  const overlapped = new Set(settings.pythonRunning.keys());
  for (const others2 of settings.pythonRunning.values()) others2.add(step.key);
  settings.pythonRunning.set(step.key, overlapped);
  let outcome;
  try {
    outcome = { value: await run2() };
  } catch (error) {
    outcome = { error };
  } finally {
    settings.pythonRunning.delete(step.key);
  }
  if (signal.aborted) return rethrow(outcome);
  const own = new Set(outputs.map((o) => o.table.path));
  const changed = await settings.watch.exclusive(async () => {
    const found = await settings.watch.changed(own);
    await settings.watch.record(found.map((t) => t.path));
    return found;
  });
  if (changed.length === 0) return rethrow(outcome);
  const names = changed.map((t) => `"${t.table}"`).join(", ");
  const where = changed.map((t) => toPosixRelative(settings.root, t.path)).join(", ");
  const others = [...overlapped].sort();
  const suspects = others.length > 0 ? ` (steps ${others.map((k) => `"${k}"`).join(", ")} ran at the same time; any of them may have written it)` : "";
  const notebookError = "error" in outcome && outcome.error instanceof StepFailure ? outcome.error.error.message : void 0;
  throw new StepFailure({
    kind: "undeclared-write",
    table: changed[0].table,
    message: `${changed.length === 1 ? "table" : "tables"} ${names} (${where}) changed while step "${step.key}" ran, and it does not declare ${changed.length === 1 ? "it" : "them"} as ${changed.length === 1 ? "an output" : "outputs"}${suspects}: declare the output in dtflw.yaml, or stop writing there (sandbox: strict makes such writes fail).`,
    ...notebookError ? { detail: notebookError } : {}
  });
}
function rethrow(outcome) {
  if ("error" in outcome) throw outcome.error;
  return outcome.value;
}
var init_undeclared_writes = __esm({
  "src/engines/local/undeclared-writes.ts"() {
    "use strict";
    init_io();
    init_step_failure();
  }
});

// src/engines/local/step.ts
import { mkdir as mkdir7, rm as rm4 } from "node:fs/promises";
import path22 from "node:path";
function stepWorkDir(runDir, key) {
  return path22.join(runDir, "work", key);
}
function stepLogPath(key) {
  return `logs/${key}.log`;
}
async function executeLocalStep(settings, step, notebook, signal) {
  const startedAt = settings.now();
  const logFile = stepLogPath(step.key);
  const log = await openStepLog(path22.join(settings.runDir, logFile));
  const write = (line) => {
    log.write(line);
    settings.onLog(step.key, line);
  };
  const declared = declaredAccesses(step);
  let staged = [];
  const tmp = stepWorkDir(settings.runDir, step.key);
  const parameters = { ...step.parameters };
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    settings.onStarted(step.key);
  };
  const finish = (status, extra = {}) => {
    if (status !== "lazy") start();
    const finishedAt = settings.now();
    const output = log.tail();
    return {
      key: step.key,
      notebook: step.notebook,
      status,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      attempt: 1,
      parameters,
      ...declared,
      log: logFile,
      ...output ? { output } : {},
      ...extra
    };
  };
  try {
    const outputs = step.outputs.map((output) => ({
      output,
      table: resolveLocalTable(settings.root, output.location)
    }));
    if (settings.lazy && outputs.length > 0) {
      const present = await Promise.all(
        outputs.map((o) => tableExists(o.table))
      );
      if (present.every(Boolean)) {
        write(`Skipped run: ${step.notebook} (--lazy: every output exists)`);
        return finish("lazy");
      }
    }
    start();
    write(`Running: ${step.notebook}`);
    for (const o of outputs) {
      if (!OUTPUT_FORMATS.has(o.table.format)) {
        throw new StepFailure({
          kind: "engine",
          table: o.output.alias,
          message: `output "${o.output.alias}" has format "${o.table.format}", which the local engine cannot write (parquet, csv, json); use parquet for local profiles.`
        });
      }
    }
    const inputs = await resolveInputs(settings, step, parameters);
    staged = await stageOutputs(outputs.map((o) => o.table.path));
    const stepOutputs = outputs.map((o, i) => ({
      ...o,
      staging: staged[i]
    }));
    const given = withStagedOutputs(
      settings.root,
      step,
      parameters,
      stepOutputs
    );
    const tables = { inputs, outputs: stepOutputs };
    await mkdir7(tmp, { recursive: true });
    const writable = [tmp, ...new Set(staged.map((s) => s.stagingDir))];
    let exitValue;
    if (planRunMode(notebook) === "sql") {
      write(`${notebook.path}: SQL, in DuckDB`);
      await executeSqlStep({
        notebook,
        parameters: planSqlParameters(given, tables),
        duckdb: planDuckdbStepSql(tables, tmp),
        threads: settings.threads,
        tmp,
        writable,
        searchFrom: settings.root,
        worker: settings.sqlWorker,
        release: settings.releaseSqlWorker,
        signal,
        log: write
      });
    } else {
      write(
        `${notebook.path}: Python, with ${await settings.python.describe()}`
      );
      const done2 = await runWatched(
        settings,
        step,
        stepOutputs,
        () => executePythonStep({
          root: settings.root,
          runner: settings.python,
          spark: settings.spark,
          notebook,
          parameters: given,
          sqlParameters: planSqlParameters(given, tables),
          duckdb: planDuckdbStepSql(tables, tmp, settings.root),
          threads: settings.threads,
          tmp,
          access: {
            readOnly: inputs.flatMap((i) => [
              ...i.grant.paths,
              ...i.grant.directories.map((d) => d.replace(/[\\/]+$/, ""))
            ]),
            writable: writable.slice(1)
          },
          signal,
          log: write
        }),
        signal
      );
      exitValue = done2.exitValue;
    }
    if (signal.aborted) return cancelled();
    const writes = await checkOutputs(settings.inspector, stepOutputs);
    if (signal.aborted) return cancelled();
    const reads = await countReads(settings.inspector, declared.reads, inputs);
    await settings.watch.exclusive(async () => {
      for (const output of stepOutputs) await promoteOutput(output.staging);
      await settings.watch.record(stepOutputs.map((o) => o.table.path));
    });
    for (const w of writes) write(`wrote ${w.table}: ${w.rows} rows`);
    return finish("succeeded", {
      reads,
      writes,
      ...exitValue !== void 0 ? { exitValue } : {}
    });
  } catch (error) {
    if (signal.aborted) return cancelled();
    const failure = error instanceof StepFailure ? error.error : {
      kind: "engine",
      message: `the local engine failed while running step "${step.key}": ${error.message}`,
      ...error.stack ? { detail: error.stack } : {}
    };
    write(`Failed: ${failure.message}`);
    return finish("failed", { error: failure });
  } finally {
    await discardStaging(staged);
    await rm4(tmp, { recursive: true, force: true });
    await log.close();
  }
  function cancelled() {
    write("Cancelled");
    return finish("cancelled", {
      error: { kind: "cancelled", message: `step "${step.key}" was cancelled.` }
    });
  }
}
async function resolveInputs(settings, step, parameters) {
  const inputs = [];
  for (const input of step.inputs) {
    if (!input.location) {
      parameters[input.param] = "";
      continue;
    }
    const options = input.isSource ? settings.sources.find((s) => s.name === input.table)?.options : void 0;
    const table = resolveLocalTable(settings.root, input.location, options);
    if (!await tableExists(table)) {
      if (input.optional) {
        parameters[input.param] = "";
        continue;
      }
      const where = toPosixRelative(settings.root, table.path);
      const hint = input.producer ? `run step "${input.producer}" first (it writes this table)` : input.isSource ? `check where the profile says source "${input.table}" lives` : "check its location";
      throw new StepFailure({
        kind: "input-missing",
        table: input.table,
        message: `input "${input.name}" (table "${input.table}") was not found at ${where}: ${hint}.`
      });
    }
    inputs.push({
      input,
      table,
      reader: await readExpression(table),
      grant: await grantFor(table)
    });
  }
  return inputs;
}
function withStagedOutputs(root, step, parameters, outputs) {
  const next = { ...parameters };
  for (const o of outputs) {
    if (o.output.location.kind !== "path") continue;
    const given = step.parameters[o.output.param] ?? "";
    next[o.output.param] = path22.isAbsolute(given) ? o.staging.staged : toPosixRelative(root, o.staging.staged);
  }
  return next;
}
var OUTPUT_FORMATS;
var init_step = __esm({
  "src/engines/local/step.ts"() {
    "use strict";
    init_io();
    init_report();
    init_output_checks();
    init_python_step();
    init_runnable();
    init_sql_step();
    init_staging();
    init_step_failure();
    init_step_log();
    init_step_tables();
    init_undeclared_writes();
    init_tables();
    OUTPUT_FORMATS = /* @__PURE__ */ new Set(["parquet", "csv", "json"]);
  }
});

// src/engines/local/table-watch.ts
import { glob as glob2, lstat, readdir as readdir4 } from "node:fs/promises";
import path23 from "node:path";
async function fingerprint(p) {
  if (isGlob(p)) {
    const matches = [];
    for await (const match of glob2(p)) matches.push(match);
    const parts2 = await Promise.all(matches.sort().map(fingerprint));
    return matches.map((m, i) => `${m}=${parts2[i]}`).join(";");
  }
  const info = await lstat(p, { bigint: true }).catch(() => void 0);
  if (!info) return "-";
  if (!info.isDirectory()) {
    return `${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}`;
  }
  const entries = await readdir4(p, { recursive: true }).catch(() => []);
  const sorted = entries.sort();
  const parts = await Promise.all(
    sorted.map(async (entry) => {
      const e = await lstat(path23.join(p, entry), { bigint: true }).catch(
        () => void 0
      );
      return e && !e.isDirectory() ? `${entry}=${e.size}:${e.mtimeNs}:${e.ctimeNs}:${e.ino}` : "";
    })
  );
  return parts.filter(Boolean).join(";");
}
async function createTableWatch(tables) {
  const byPath2 = /* @__PURE__ */ new Map();
  for (const t of tables) if (!byPath2.has(t.path)) byPath2.set(t.path, t);
  const known = /* @__PURE__ */ new Map();
  await Promise.all(
    [...byPath2.keys()].map(async (p) => known.set(p, await fingerprint(p)))
  );
  let queue = Promise.resolve();
  return {
    async changed(allowed) {
      const checked = [...byPath2.values()].filter((t) => !allowed.has(t.path));
      const now = await Promise.all(checked.map((t) => fingerprint(t.path)));
      return checked.filter((t, i) => now[i] !== known.get(t.path));
    },
    async record(paths) {
      await Promise.all(
        paths.filter((p) => byPath2.has(p)).map(async (p) => known.set(p, await fingerprint(p)))
      );
    },
    exclusive(fn) {
      const run2 = queue.then(fn, fn);
      queue = run2.catch(() => void 0);
      return run2;
    }
  };
}
var init_table_watch = __esm({
  "src/engines/local/table-watch.ts"() {
    "use strict";
    init_tables();
  }
});

// src/engines/local/engine.ts
import { rm as rm5 } from "node:fs/promises";
import { availableParallelism, hostname as hostname3, tmpdir } from "node:os";
import path24 from "node:path";
function threadsPerStep(plan, parallelism, cores) {
  const widest = Math.max(1, ...plan.levels.map((level) => level.length));
  return Math.max(
    1,
    Math.floor(cores / Math.max(1, Math.min(parallelism, widest)))
  );
}
function watchedTables(root, plan) {
  const tables = [];
  for (const step of plan.steps) {
    for (const t of [...step.inputs, ...step.outputs]) {
      if (!t.location) continue;
      try {
        const table = "alias" in t ? t.alias : t.table;
        tables.push({ table, path: resolveLocalTable(root, t.location).path });
      } catch {
      }
    }
  }
  return tables;
}
function createLocalEngine(options) {
  const root = options.root;
  const env = options.env ?? process.env;
  const cores = options.cores ?? availableParallelism();
  async function run2(plan, context) {
    const { now, emit, signal } = context;
    await loadDuckDB(root);
    const tableRoot = planTableRoot(root, plan, options.tablesRoot);
    const lock = await acquireRunLock(tableRoot, {
      runId: context.runId,
      waitMs: options.waitMs ?? 0,
      now,
      signal
    });
    const workDir = path24.join(context.runDir, "work");
    const inspector = createTableInspector();
    const choice = planPythonCommand(options.python, env.DTFLW_PYTHON);
    const spark = options.spark ?? "auto";
    const python = createPythonRunner({
      root,
      command: choice.command,
      resolve: choice.resolve,
      sandbox: options.sandbox ?? "standard",
      warm: options.warmPython ?? true,
      env,
      workDir
    });
    const sqlWorkers = sharedSqlWorkers({
      PATH: "/usr/local/bin:/usr/bin:/bin",
      HOME: env.HOME ?? tmpdir(),
      LANG: "C.UTF-8"
    });
    try {
      await removeLeftovers(
        tableRoot,
        path24.dirname(context.runDir),
        context.runDir
      );
      await claimWorkDir(workDir, {
        pid: process.pid,
        host: hostname3(),
        runId: context.runId,
        startedAt: now().toISOString()
      });
      const finished = (result) => emit({
        type: "step-finished",
        key: result.key,
        at: now().toISOString(),
        result
      });
      const { notebooks, failures } = await preflight(root, plan);
      if (failures.size > 0) {
        const steps2 = plan.steps.map((step) => {
          const error = failures.get(step.key);
          return error ? notRunResult(step, "failed", { error }) : notRunResult(step, "pending");
        });
        steps2.forEach(finished);
        return { steps: steps2 };
      }
      const settings = {
        root,
        runDir: context.runDir,
        python,
        sqlWorker: () => sqlWorkers.acquire(),
        releaseSqlWorker: (worker) => sqlWorkers.release(worker),
        watch: await createTableWatch(watchedTables(root, plan)),
        pythonRunning: /* @__PURE__ */ new Map(),
        spark,
        threads: options.duckdbThreads ?? threadsPerStep(plan, context.parallelism, cores),
        lazy: context.lazy,
        sources: plan.sources,
        inspector,
        now,
        onLog: (key, line) => emit({ type: "step-log", key, at: now().toISOString(), line }),
        onStarted: (key) => emit({
          type: "step-started",
          key,
          at: now().toISOString(),
          attempt: 1
        })
      };
      const steps = await runReady(
        plan,
        (step, stepSignal) => executeLocalStep(
          settings,
          step,
          notebooks.get(step.key),
          stepSignal
        ),
        {
          concurrency: context.parallelism,
          signal,
          failFast: context.failFast,
          onResult: finished
        }
      );
      return { steps };
    } finally {
      python.close();
      inspector.close();
      await rm5(workDir, { recursive: true, force: true });
      await lock.release();
    }
  }
  return {
    name: "local",
    async deploy(plan) {
      await loadDuckDB(root);
      const notebooks = [...new Set(plan.steps.map((s) => s.notebook))];
      await Promise.all(
        notebooks.map((p) => readNotebook(path24.join(root, p), p))
      );
      return { root, uploaded: [], removed: [], unchanged: notebooks };
    },
    run: run2,
    async cancel() {
    },
    async cleanup() {
      return { removed: [], kept: [] };
    }
  };
}
var init_engine = __esm({
  "src/engines/local/engine.ts"() {
    "use strict";
    init_notebooks();
    init_report();
    init_schedule();
    init_duckdb();
    init_inspect();
    init_leftovers();
    init_preflight();
    init_python_env();
    init_python_runner();
    init_run_lock();
    init_sql_child();
    init_step();
    init_table_watch();
    init_tables();
  }
});

// src/engines/local/index.ts
var local_exports = {};
__export(local_exports, {
  WAREHOUSE_DIR: () => WAREHOUSE_DIR,
  bindSql: () => bindSql,
  checkColumns: () => checkColumns,
  checkRunnable: () => checkRunnable,
  createLocalEngine: () => createLocalEngine,
  normalizeSparkType: () => normalizeSparkType,
  planRunMode: () => planRunMode,
  splitSql: () => splitSql,
  toSparkType: () => toSparkType
});
var init_local = __esm({
  "src/engines/local/index.ts"() {
    "use strict";
    init_engine();
    init_runnable();
    init_tables();
    init_sql_params();
    init_columns();
  }
});

// src/cli/main.ts
import os2 from "node:os";

// src/commands/index.ts
init_diagnostics();

// src/profiles/load.ts
init_diagnostics();
init_io();
import { readFile as readFile2, readdir } from "node:fs/promises";
import path6 from "node:path";

// src/profiles/chain.ts
init_diagnostics();
function planMergeOrder(name, lookup2, names) {
  const files = [];
  const diagnostics = [];
  const done2 = /* @__PURE__ */ new Set();
  const failed = /* @__PURE__ */ new Set();
  const stack = [];
  const visit = (current, via) => {
    const open = stack.findIndex((s) => s.file.name === current);
    if (open >= 0 && via) {
      diagnostics.push(cycle([...stack.slice(open), { via }], current));
      return;
    }
    if (done2.has(current) || failed.has(current)) return;
    const file = lookup2(current);
    if (!file) {
      failed.add(current);
      if (via) diagnostics.push(unknownParent(stack, via, names));
      return;
    }
    diagnostics.push(...file.diagnostics);
    if (!file.tree) {
      failed.add(current);
      return;
    }
    stack.push({ file, via });
    for (const parent of file.extends) visit(parent.name, parent);
    stack.pop();
    done2.add(current);
    files.push(file);
  };
  visit(name, void 0);
  return { files, diagnostics };
}
function cycle(path34, closing) {
  const names = [...path34.flatMap((s) => s.file ? [s.file.name] : []), closing];
  const steps = path34.slice(1).map((s, i) => {
    const parentOf = path34[i].file;
    const where = s.via ? formatLine(s.via.location) : "";
    return `${where}: "${parentOf?.name}" extends "${s.via?.name}"`;
  });
  const last = path34[path34.length - 1].via;
  return errorAt(
    "extends-cycle",
    `profiles extend each other in a cycle: ${names.join(" \u2192 ")}; remove one of these extends`,
    last?.location,
    { detail: steps.join("\n"), path: "extends" }
  );
}
function unknownParent(stack, via, names) {
  const child = stack[stack.length - 1]?.file.name;
  const list2 = names.length > 0 ? names.join(", ") : "(none)";
  const hint = didYouMean(via.name, names);
  return errorAt(
    "unknown-parent",
    `profile "${child}" extends "${via.name}", which does not exist${hint ? `;${hint}` : "."}`,
    via.location,
    { detail: `the profiles are: ${list2}`, path: "extends" }
  );
}

// src/profiles/dotenv.ts
init_diagnostics();
init_io();
import path4 from "node:path";
var ESCAPES = { n: "\n", r: "\r", t: "	" };
function parseDotenv(text2, file = ".env") {
  const values = /* @__PURE__ */ new Map();
  const diagnostics = [];
  const lines = text2.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) {
      diagnostics.push(
        errorAt(
          "dotenv-syntax",
          `${file} line ${i + 1} is not KEY=VALUE; fix or remove it (a comment starts with #)`,
          { file, line: i + 1, column: 1 }
        )
      );
      continue;
    }
    const [, key, rest] = m;
    const quote = rest[0];
    if (quote !== '"' && quote !== "'") {
      values.set(key, rest.replace(/\s+#.*$/, "").trim());
      continue;
    }
    const start = i;
    let body = rest.slice(1);
    let close = closingQuote(body, quote);
    while (close < 0 && i + 1 < lines.length) {
      i++;
      body += "\n" + lines[i];
      close = closingQuote(body, quote);
    }
    const after = close < 0 ? "" : body.slice(close + 1).trim();
    if (close < 0 || after !== "" && !after.startsWith("#")) {
      diagnostics.push(
        errorAt(
          "dotenv-syntax",
          close < 0 ? `${file} line ${start + 1}: the value of ${key} opens ${quote} and never closes it` : `${file} line ${start + 1}: unexpected text after the closing ${quote} of ${key}`,
          { file, line: start + 1, column: 1 }
        )
      );
      continue;
    }
    const raw = body.slice(0, close);
    values.set(key, quote === "'" ? raw : unescape(raw));
  }
  return { values: Object.fromEntries(values), diagnostics };
}
function closingQuote(body, quote) {
  for (let i = 0; i < body.length; i++) {
    if (quote === '"' && body[i] === "\\") i++;
    else if (body[i] === quote) return i;
  }
  return -1;
}
function unescape(raw) {
  return raw.replace(/\\(.)/g, (_, c) => ESCAPES[c] ?? c);
}
async function loadDotenv(root) {
  const text2 = await tryReadText(path4.join(root, ".env"));
  return text2 === void 0 ? { values: {}, diagnostics: [] } : parseDotenv(text2, ".env");
}

// src/profiles/merge.ts
function mergeProfiles(parent, child) {
  return mergeMaps([], parent, child);
}
function mergeMaps(at, parent, child) {
  const entries = new Map(parent.entries);
  const keys = new Map(parent.keys);
  for (const [key, node] of child.entries) {
    const childKey = child.keys.get(key) ?? [];
    const previous = entries.get(key);
    if (node.kind === "scalar" && node.value === null) {
      entries.delete(key);
      keys.delete(key);
      continue;
    }
    const path34 = [...at, key];
    keys.set(key, [...childKey, ...keys.get(key) ?? []]);
    if (previous?.kind === "map" && node.kind === "map" && !kindChanges(path34, previous, node)) {
      entries.set(key, mergeMaps(path34, previous, node));
    } else {
      entries.set(key, replacing(withoutNulls(node), previous));
    }
  }
  return {
    kind: "map",
    entries,
    keys,
    from: [...child.from, ...parent.from]
  };
}
function replacing(node, previous) {
  if (!previous) return node;
  const from = [...node.from, ...previous.from];
  if (node.kind !== "map" || previous.kind !== "map") return { ...node, from };
  const entries = /* @__PURE__ */ new Map();
  for (const [key, value] of node.entries) {
    entries.set(key, replacing(value, previous.entries.get(key)));
  }
  return { ...node, entries, from };
}
function withoutNulls(node) {
  if (node.kind !== "map") return node;
  const entries = /* @__PURE__ */ new Map();
  const keys = new Map(node.keys);
  for (const [key, value] of node.entries) {
    if (value.kind === "scalar" && value.value === null) keys.delete(key);
    else entries.set(key, withoutNulls(value));
  }
  return { ...node, entries, keys };
}
function kindChanges(path34, parent, child) {
  const rule = kindRule(path34);
  if (!rule) return false;
  const childKind = rule(child);
  if (childKind === void 0) return false;
  const parentKind = rule(parent) ?? (path34[0] === "tables" ? "path" : void 0);
  return parentKind !== void 0 && parentKind !== childKind;
}
function kindRule(path34) {
  if (path34.length === 1 && path34[0] === "tables") {
    return (node) => {
      const layout = node.entries.get("layout");
      return layout?.kind === "scalar" && layout.value !== null ? String(layout.value) : void 0;
    };
  }
  if (path34.length === 2 && path34[0] === "sources") {
    return (node) => firstKey(node, ["path", "table"]);
  }
  if (path34.length === 1 && path34[0] === "compute") {
    return (node) => firstKey(node, ["serverless", "existing_cluster_id", "new_cluster"]);
  }
  return void 0;
}
function firstKey(node, names) {
  return names.find((name) => {
    const value = node.entries.get(name);
    return value !== void 0 && !(value.kind === "scalar" && value.value === null);
  });
}

// src/profiles/node.ts
function emptyMap(from = []) {
  return { kind: "map", entries: /* @__PURE__ */ new Map(), keys: /* @__PURE__ */ new Map(), from };
}
function formatPath(segments) {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}
function parsePath(text2) {
  const segments = [];
  const pattern = /\.?([A-Za-z0-9_-]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let index = 0;
  while (index < text2.length) {
    pattern.lastIndex = index;
    const m = pattern.exec(text2);
    if (!m || m[1] !== void 0 && index === 0 && text2[0] === ".") {
      return void 0;
    }
    if (m[1] !== void 0) segments.push(m[1]);
    else if (m[2] !== void 0) segments.push(Number(m[2]));
    else segments.push(JSON.parse(m[3]));
    index = pattern.lastIndex;
  }
  return segments;
}
function nodeAt(root, segments) {
  let node = root;
  for (const s of segments) {
    if (node?.kind === "map" && typeof s === "string")
      node = node.entries.get(s);
    else if (node?.kind === "list" && typeof s === "number") {
      node = node.items[s];
    } else return void 0;
  }
  return node;
}
function locationAt(root, segments) {
  const node = nodeAt(root, segments);
  if (!node) return void 0;
  if (node.kind === "scalar" || segments.length === 0) return node.from[0];
  return keyLocationAt(root, segments) ?? node.from[0];
}
function keyLocationAt(root, segments) {
  const parent = nodeAt(root, segments.slice(0, -1));
  const last = segments[segments.length - 1];
  return parent?.kind === "map" && typeof last === "string" ? parent.keys.get(last)?.[0] : void 0;
}
function toPlain(node) {
  switch (node.kind) {
    case "scalar":
      return node.value;
    case "list":
      return node.items.map(toPlain);
    case "map":
      return Object.fromEntries(
        [...node.entries].map(([key, value]) => [key, toPlain(value)])
      );
  }
}

// src/profiles/parse.ts
var import_yaml = __toESM(require_dist(), 1);
init_diagnostics();
import path5 from "node:path";
function profileNameOf(file) {
  return path5.posix.basename(file).replace(/\.ya?ml$/, "");
}
function parseProfileFile(text2, file) {
  const name = profileNameOf(file);
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text2, { lineCounter, prettyErrors: false });
  const at = (offset) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { file, line, column: col };
  };
  const syntax = syntaxDiagnostics(text2, doc, at);
  if (syntax.length > 0) {
    return { name, file, extends: [], diagnostics: syntax };
  }
  const diagnostics = [];
  let aliases = 0;
  const convert = (node, depth) => {
    const from = [at(rangeStart(node))];
    if (depth > 64 || aliases > 100) {
      diagnostics.push(
        errorAt(
          "yaml-too-large",
          "this file nests or repeats aliases too much for a profile; write the values out",
          from[0]
        )
      );
      return { kind: "scalar", value: null, from };
    }
    if ((0, import_yaml.isAlias)(node)) {
      aliases++;
      return convert(node.resolve(doc), depth + 1);
    }
    if ((0, import_yaml.isMap)(node)) {
      const entries = /* @__PURE__ */ new Map();
      const keys = /* @__PURE__ */ new Map();
      for (const pair of node.items) {
        const keyAt = at(rangeStart(pair.key));
        if (!(0, import_yaml.isScalar)(pair.key) || pair.key.value === null) {
          diagnostics.push(
            errorAt("invalid-key", "keys must be plain names", keyAt)
          );
          continue;
        }
        const key = String(pair.key.value);
        keys.set(key, [keyAt]);
        entries.set(
          key,
          pair.value === null ? { kind: "scalar", value: null, from: [keyAt] } : convert(pair.value, depth + 1)
        );
      }
      return { kind: "map", entries, keys, from };
    }
    if ((0, import_yaml.isSeq)(node)) {
      const items = node.items.map(
        (item) => item === null ? { kind: "scalar", value: null, from } : convert(item, depth + 1)
      );
      return { kind: "list", items, from };
    }
    if ((0, import_yaml.isScalar)(node)) {
      return { kind: "scalar", value: scalarValue(node.value), from };
    }
    return { kind: "scalar", value: null, from };
  };
  const root = doc.contents === null ? emptyMap([at(0)]) : convert(doc.contents, 0);
  if (root.kind !== "map") {
    const found = root.kind === "list" ? "a list" : "a single value";
    diagnostics.push(
      errorAt(
        "profile-not-a-map",
        `a profile is a mapping of settings (engine, tables, sources, \u2026), found ${found}`,
        root.from[0]
      )
    );
    return { name, file, extends: [], diagnostics };
  }
  const { tree, parents } = splitExtends(root, diagnostics);
  return { name, file, tree, extends: parents, diagnostics };
}
function rangeStart(node) {
  return node?.range?.[0];
}
function scalarValue(value) {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  return String(value);
}
function splitExtends(root, diagnostics) {
  const node = root.entries.get("extends");
  if (!node) return { tree: root, parents: [] };
  const entries = new Map(root.entries);
  const keys = new Map(root.keys);
  entries.delete("extends");
  keys.delete("extends");
  const tree = { kind: "map", entries, keys, from: root.from };
  const items = node.kind === "list" ? node.items : [node];
  const parents = [];
  for (const item of items) {
    if (item.kind === "scalar" && typeof item.value === "string" && item.value !== "") {
      parents.push({ name: item.value, location: item.from[0] });
    } else if (!(item.kind === "scalar" && item.value === null)) {
      diagnostics.push(
        errorAt(
          "invalid-extends",
          "extends takes a profile name or a list of names, e.g. extends: [base, nonprod]",
          item.from[0],
          { path: "extends" }
        )
      );
    }
  }
  return { tree, parents };
}
function syntaxDiagnostics(text2, doc, at) {
  const out = [];
  const templateLines = /* @__PURE__ */ new Set();
  for (const error of doc.errors) {
    const offset = error.pos[0];
    if (text2[offset] === "{" && text2[offset - 1] === "$") {
      const location = at(offset - 1);
      if (templateLines.has(location.line)) continue;
      templateLines.add(location.line);
      out.push(unquotedTemplate(text2, offset - 1, location));
    }
  }
  for (const error of doc.errors) {
    const location = at(error.pos[0]);
    if (templateLines.has(location.line)) continue;
    const message = error.code === "MULTIPLE_DOCS" ? "a profile file holds one YAML document; put each profile in its own file" : error.message.split("\n")[0].replace(/ at line \d+, column \d+.*$/, "");
    out.push(errorAt("yaml-syntax", message, location));
  }
  return out;
}
function unquotedTemplate(text2, dollar, location) {
  const { key, value, collection } = flowScalarAround(text2, dollar);
  const written = key ? `${key}: "${value}"` : `"${value}"`;
  return errorAt(
    "unquoted-template",
    `${value} inside a ${collection} must be quoted; write ${written}`,
    location,
    {
      detail: "In { \u2026 } and [ \u2026 ] YAML reads the braces of ${\u2026} as structure, so the value needs quotes."
    }
  );
}
function flowScalarAround(text2, dollar) {
  const lineStart = text2.lastIndexOf("\n", dollar - 1) + 1;
  let start = dollar;
  while (start > lineStart && !/[,{[]/.test(text2[start - 1])) {
    if (text2[start - 1] === " " && text2[start - 2] === ":") break;
    start--;
  }
  let end = dollar;
  let depth = 0;
  while (end < text2.length && text2[end] !== "\n") {
    const c = text2[end];
    if (c === "{") depth++;
    else if (c === "}") {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (c === "," || c === "]")) break;
    end++;
  }
  const value = text2.slice(start, end).trim();
  let key;
  const before = text2.slice(lineStart, start).replace(/\s+$/, "");
  if (before.endsWith(":")) {
    const m = /([^\s,{[]+)\s*:$/.exec(before);
    key = m?.[1];
  }
  let opener = "";
  let nesting = 0;
  for (let i = start - 1; i >= 0; i--) {
    const c = text2[i];
    if (c === "}" || c === "]") nesting++;
    else if (c === "{" || c === "[") {
      if (nesting === 0) {
        opener = c;
        break;
      }
      nesting--;
    }
  }
  const collection = opener === "[" ? "[ \u2026 ] flow sequence" : "{ \u2026 } flow mapping";
  return { key, value, collection };
}

// src/profiles/resolved-profile.ts
init_diagnostics();

// src/profiles/leaves.ts
function collectLeaves(tree) {
  const out = [];
  const walk = (node, at) => {
    if (node.kind === "map" && node.entries.size > 0) {
      for (const [key, value] of node.entries) walk(value, [...at, key]);
      return;
    }
    const env = envOf(node);
    out.push(
      Object.freeze({
        path: formatPath(at),
        value: deepFreeze(toPlain(node)),
        from: Object.freeze([...node.from]),
        env: Object.freeze(env),
        secret: secretIn(node),
        ...node.kind === "scalar" && node.written !== void 0 ? { written: node.written } : {},
        ...unresolvedIn(node) ? { unresolved: true } : {}
      })
    );
  };
  walk(tree, []);
  return Object.freeze(out.sort(byPath));
}
function byPath(a, b) {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
function envOf(node) {
  if (node.kind === "scalar") return [...node.env ?? []];
  const children = node.kind === "list" ? node.items : [...node.entries.values()];
  return [...new Set(children.flatMap(envOf))];
}
function unresolvedIn(node) {
  if (node.kind === "scalar") return node.unresolved === true;
  const children = node.kind === "list" ? node.items : [...node.entries.values()];
  return children.some(unresolvedIn);
}
function secretIn(node) {
  if (node.kind === "scalar") return node.secret === true;
  const children = node.kind === "list" ? node.items : [...node.entries.values()];
  return children.some(secretIn);
}
function deepFreeze(value) {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

// src/profiles/resolved-profile.ts
var FORMAT_BY_EXTENSION = {
  csv: "csv",
  parquet: "parquet",
  pq: "parquet",
  json: "json",
  jsonl: "json",
  ndjson: "json"
};
var COMPRESSION = /* @__PURE__ */ new Set(["gz", "bz2", "zst", "zstd", "lz4", "snappy"]);
function inferFormat(path34) {
  const parts = path34.replace(/\/+$/, "").split("/").pop()?.split(".") ?? [];
  let ext = parts.length > 1 ? parts.pop()?.toLowerCase() : void 0;
  if (ext && COMPRESSION.has(ext) && parts.length > 1) {
    ext = parts.pop()?.toLowerCase();
  }
  return ext ? FORMAT_BY_EXTENSION[ext] : void 0;
}
function buildResolvedProfile(input) {
  const c = createChecker(input);
  if (!c.has(["engine"])) c.byDefault(["engine"], "local");
  const engine = c.text(["engine"]) ?? "local";
  const variables = buildVariables(c);
  const tables = buildTables(c);
  const sources = buildSources(c);
  checkCompute(c);
  if (c.diagnostics.length > 0) return { diagnostics: c.diagnostics };
  const { tree } = input;
  const leaves = [...collectLeaves(tree), ...c.defaults].sort(byPath);
  const profile = {
    name: input.name,
    files: [...input.files],
    engine,
    variables,
    tables,
    sources,
    values: toPlain(tree),
    leaves: leaves.map((leaf) => deepFreeze(leaf)),
    locate(path34) {
      const segments = parsePath(path34);
      return segments && segments.length > 0 ? locationAt(tree, segments) : void 0;
    }
  };
  return { profile: deepFreeze(profile), diagnostics: [] };
}
function createChecker(input) {
  const { tree } = input;
  const diagnostics = [];
  const defaults = [];
  const fallback = {
    file: input.files.at(-1) ?? "",
    line: 1,
    column: 1
  };
  const node = (at) => nodeAt(tree, at);
  const push = (code2, summary, at, location) => diagnostics.push(
    errorAt(code2, summary, location ?? fallback, {
      path: formatPath(at) || void 0
    })
  );
  return {
    profile: input.name,
    diagnostics,
    defaults,
    node,
    has: (at) => node(at) !== void 0,
    text: (at) => {
      const n = node(at);
      return n?.kind === "scalar" && n.value !== null ? String(n.value) : void 0;
    },
    unresolved: (at) => {
      const n = node(at);
      return n?.kind === "scalar" && n.unresolved === true;
    },
    report: (code2, summary, at) => push(code2, summary, at, locationAt(tree, at)),
    reportKey: (code2, summary, at) => push(code2, summary, at, keyLocationAt(tree, at) ?? locationAt(tree, at)),
    byDefault: (at, value, origin = "default") => defaults.push({
      path: formatPath(at),
      value,
      from: [],
      env: [],
      secret: false,
      origin
    })
  };
}
function buildVariables(c) {
  const variables = {};
  const node = c.node(["variables"]);
  if (node?.kind !== "map") return variables;
  for (const [key, value] of node.entries) {
    if (value.kind === "scalar" && value.value !== null) {
      variables[key] = String(value.value);
    }
  }
  return variables;
}
function buildTables(c) {
  const fallback = { layout: "path", root: "", format: "parquet" };
  if (!c.has(["tables"])) {
    c.report(
      "missing-tables",
      `profile "${c.profile}" has no tables section; add tables: { layout: path, root: \u2026 } or tables: { layout: catalog, catalog: \u2026, schema: \u2026 }`,
      []
    );
    return fallback;
  }
  if (c.node(["tables"])?.kind !== "map" || c.unresolved(["tables", "layout"])) {
    return fallback;
  }
  const layout = c.text(["tables", "layout"]) ?? "path";
  if (!c.has(["tables", "layout"])) c.byDefault(["tables", "layout"], "path");
  if (layout === "path" && !c.has(["tables", "format"])) {
    c.byDefault(["tables", "format"], "parquet");
  }
  const own = layout === "catalog" ? ["catalog", "schema"] : ["root"];
  const other = layout === "catalog" ? ["root"] : ["catalog", "schema"];
  const otherLayout = layout === "catalog" ? "path" : "catalog";
  for (const key of own) {
    if (!c.has(["tables", key])) {
      c.report(
        "missing-table-setting",
        `profile "${c.profile}": tables.${key} is required with layout: ${layout}; add ${key}: \u2026`,
        ["tables"]
      );
    }
  }
  for (const key of other) {
    if (c.has(["tables", key])) {
      c.reportKey(
        "table-setting-for-other-layout",
        `tables.${key} belongs to layout: ${otherLayout}, and this profile uses layout: ${layout}; remove ${key} or change layout`,
        ["tables", key]
      );
    }
  }
  const format = c.text(["tables", "format"]);
  return layout === "catalog" ? {
    layout,
    catalog: c.text(["tables", "catalog"]) ?? "",
    schema: c.text(["tables", "schema"]) ?? "",
    ...format ? { format } : {}
  } : {
    layout: "path",
    root: c.text(["tables", "root"]) ?? "",
    format: format ?? "parquet"
  };
}
function buildSources(c) {
  const sources = {};
  const node = c.node(["sources"]);
  if (node?.kind !== "map") return sources;
  for (const [name, entry] of node.entries) {
    if (entry.kind !== "map") continue;
    const built = buildSource(c, name);
    if (built) sources[name] = built;
  }
  return sources;
}
function buildSource(c, source) {
  const at = ["sources", source];
  const hasPath = c.has([...at, "path"]);
  const hasTable = c.has([...at, "table"]);
  if (hasPath && hasTable) {
    c.report(
      "source-path-and-table",
      `source "${source}" sets both path and table; keep path for a file or table for a catalog table`,
      at
    );
    return void 0;
  }
  if (!hasPath && !hasTable) {
    c.report(
      "source-without-location",
      `profile "${c.profile}": source "${source}" needs path (a file) or table (a catalog table)`,
      at
    );
    return void 0;
  }
  if (hasTable) {
    for (const key of ["format", "options"]) {
      if (c.has([...at, key])) {
        c.reportKey(
          "source-option-for-table",
          `source "${source}" is a table; ${key} applies to path sources only, remove it`,
          [...at, key]
        );
      }
    }
    return { table: c.text([...at, "table"]) ?? "" };
  }
  const path34 = c.text([...at, "path"]) ?? "";
  const format = c.text([...at, "format"]) ?? inferFormat(path34);
  if (format && !c.has([...at, "format"])) {
    const ext = /(\.[^./]+)+$/.exec(path34)?.[0] ?? "";
    c.byDefault([...at, "format"], format, `inferred from ${ext}`);
  }
  if (!format && !c.unresolved([...at, "path"])) {
    c.report(
      "unknown-source-format",
      `cannot tell the format of source "${source}" from "${path34}"; add format: csv, parquet or json`,
      [...at, "path"]
    );
  }
  const options = c.node([...at, "options"]);
  return {
    path: path34,
    format: format ?? "",
    ...options?.kind === "map" ? {
      options: Object.fromEntries(
        [...options.entries].map(([k, v]) => [k, String(toPlain(v))])
      )
    } : {}
  };
}
function checkCompute(c) {
  const kinds = ["serverless", "existing_cluster_id", "new_cluster"].filter(
    (key) => key === "serverless" ? c.text(["compute", key]) === "true" : c.has(["compute", key])
  );
  if (kinds.length > 1) {
    c.report(
      "compute-conflict",
      `compute sets ${kinds.join(" and ")}; keep one`,
      ["compute", kinds[1]]
    );
  }
}

// src/profiles/schema.ts
var import_ajv = __toESM(require_ajv(), 1);
init_diagnostics();
function nullable(schema) {
  if (Array.isArray(schema.enum)) {
    return { ...schema, enum: [...schema.enum, null] };
  }
  const type = schema.type;
  return { ...schema, type: [...Array.isArray(type) ? type : [type], "null"] };
}
var text = (description, extra = {}) => nullable({ type: "string", minLength: 1, description, ...extra });
var scalarMap = (description) => nullable({
  type: "object",
  description,
  additionalProperties: nullable({ type: ["string", "number", "boolean"] })
});
var PROFILE_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "dtflw profile",
  description: "One environment of a dtflw pipeline (profiles/<name>.yaml). Values may use ${ENV}, ${ENV:-default}, ${var.name}, ${profile}, ${pipeline}, ${git.sha} and ${preview}; inside { \u2026 } quote them.",
  type: "object",
  additionalProperties: false,
  properties: {
    extends: {
      description: "Parent profiles, merged in order before this one: maps merge, scalars and lists replace, null deletes.",
      anyOf: [
        { type: "string", minLength: 1 },
        { type: "array", items: { type: "string", minLength: 1 } }
      ]
    },
    variables: nullable({
      type: "object",
      description: "Values referenced as ${var.name} in this profile and in dtflw.yaml.",
      propertyNames: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
      additionalProperties: nullable({ type: ["string", "number", "boolean"] })
    }),
    engine: nullable({
      description: "Where the flow runs (default local).",
      enum: ["local", "databricks"]
    }),
    tables: nullable({
      type: "object",
      description: "How logical table names become physical locations.",
      additionalProperties: false,
      properties: {
        layout: nullable({
          description: "path: <root>/<notebook>/<table>.<format>; catalog: <catalog>.<schema>.<table> (default path).",
          enum: ["path", "catalog"]
        }),
        root: text(
          "layout path: dbfs:/\u2026, abfss://\u2026, wasbs://\u2026, s3://\u2026, /Volumes/\u2026 or a local folder."
        ),
        format: text(
          "File format of the tables (layout path: default parquet).",
          {
            examples: ["parquet", "delta", "csv", "json"]
          }
        ),
        catalog: text("layout catalog: the Unity Catalog catalog."),
        schema: text("layout catalog: the schema inside the catalog.")
      }
    }),
    sources: nullable({
      type: "object",
      description: "Where each source of dtflw.yaml lives in this environment: { path, format } or { table }.",
      additionalProperties: nullable({
        type: "object",
        additionalProperties: false,
        properties: {
          path: text(
            "A file or folder; relative paths are under the repository."
          ),
          format: text(
            "csv, parquet or json; inferred from the extension when absent.",
            {
              examples: ["csv", "parquet", "json"]
            }
          ),
          options: scalarMap("Reader options, e.g. { header: true }."),
          table: text("A catalog table: <catalog>.<schema>.<table>.")
        }
      })
    }),
    workspace: nullable({
      type: "object",
      description: "The Databricks workspace (engine databricks). Credentials never live here: use DATABRICKS_* environment variables.",
      additionalProperties: false,
      properties: {
        host: text("https://<workspace>; DATABRICKS_HOST when absent."),
        root: text(
          "Folder the notebooks are deployed to, e.g. /Workspace/Shared/dtflw/${pipeline}/${profile}."
        ),
        profile: text("A profile of ~/.databrickscfg to authenticate with.")
      }
    }),
    compute: nullable({
      type: "object",
      description: "Compute for notebook tasks: one of serverless, existing_cluster_id or new_cluster.",
      additionalProperties: false,
      properties: {
        serverless: nullable({ type: "boolean" }),
        existing_cluster_id: text("Run on this all-purpose cluster."),
        new_cluster: nullable({
          type: "object",
          description: "A Jobs API cluster spec (spark_version, node_type_id, \u2026)."
        })
      }
    }),
    python: text(
      "Local engine: the Python interpreter for Python notebooks (default python3, resolved once per run; DTFLW_PYTHON wins)."
    ),
    sandbox: nullable({
      description: "Local engine: how Python steps are isolated. standard: clean environment, undeclared table writes fail the step; strict: also a bwrap mount namespace where only the repository and the inputs are readable and only the outputs writable (default standard).",
      enum: ["standard", "strict"]
    })
  }
};
var validator;
function compiled() {
  validator ??= new import_ajv.Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    allowUnionTypes: true
  }).compile(PROFILE_SCHEMA);
  return validator;
}
function checkProfileSchema(tree) {
  const validate = compiled();
  if (validate(toPlain(tree))) return [];
  const out = [];
  for (const error of validate.errors ?? []) {
    const d = toDiagnostic(tree, error);
    if (d) out.push(d);
  }
  return out;
}
function segmentsOf(tree, pointer) {
  const segments = [];
  for (const raw of pointer.split("/").slice(1)) {
    const s = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const parent = nodeAt(tree, segments);
    segments.push(parent?.kind === "list" ? Number(s) : s);
  }
  return segments;
}
var shown = (node) => {
  if (!node) return "nothing";
  if (node.kind === "map") return "a mapping";
  if (node.kind === "list") return "a list";
  const v = node.value;
  return typeof v === "string" ? JSON.stringify(v) : String(v);
};
function toDiagnostic(tree, error) {
  const segments = segmentsOf(tree, error.instancePath);
  const node = nodeAt(tree, segments);
  const where = formatPath(segments);
  const path34 = where || void 0;
  if (node?.kind === "scalar" && node.unresolved) return void 0;
  const valueAt2 = node?.from[0] ?? locationAt(tree, segments);
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(error.params.additionalProperty);
      const known = Object.keys(
        error.parentSchema?.properties ?? {}
      );
      const inside2 = where ? ` in ${where}` : "";
      return errorAt(
        "unknown-key",
        `unknown key "${key}"${inside2};${didYouMean(key, known) || ` remove it.`}`,
        keyLocationAt(tree, [...segments, key]),
        {
          detail: `the keys${inside2} are: ${known.join(", ")}`,
          path: formatPath([...segments, key])
        }
      );
    }
    case "propertyNames": {
      const key = String(error.params.propertyName);
      return errorAt(
        "invalid-name",
        `"${key}" in ${where} is not a valid name; use letters, digits and _ (it is written \${var.${key}})`,
        keyLocationAt(tree, [...segments, key]),
        { path: formatPath([...segments, key]) }
      );
    }
    case "enum": {
      const allowed = error.params.allowedValues.filter((v) => v !== null).map(String);
      const value = node?.kind === "scalar" ? String(node.value) : "";
      const hint = didYouMean(value, allowed);
      return errorAt(
        "invalid-value",
        `${where} must be one of ${allowed.join(", ")}, got ${shown(node)}${hint ? `;${hint}` : ""}`,
        valueAt2,
        { path: path34 }
      );
    }
    case "type": {
      const types = String(error.params.type).split(",").filter((t) => t !== "null").map(
        (t) => t === "object" ? "a mapping" : t === "array" ? "a list" : `a ${t}`
      );
      const expected = types.length > 1 ? `${types.slice(0, -1).join(", ")} or ${types[types.length - 1]}` : types[0];
      return errorAt(
        "invalid-type",
        `${where || "the profile"} must be ${expected}, got ${shown(node)}`,
        valueAt2,
        { path: path34 }
      );
    }
    case "minLength":
      return errorAt("empty-value", `${where} must not be empty`, valueAt2, {
        path: path34
      });
    case "pattern":
    case "anyOf":
      return void 0;
    default:
      return errorAt(
        "invalid-value",
        `${where || "the profile"} ${error.message ?? "is invalid"}`,
        valueAt2,
        { path: path34 }
      );
  }
}

// src/profiles/template.ts
init_diagnostics();

// src/profiles/template-syntax.ts
function splitTemplate(text2) {
  const parts = [];
  let literal2 = "";
  let i = 0;
  while (i < text2.length) {
    if (text2.startsWith("$${", i)) {
      literal2 += "${";
      i += 3;
    } else if (text2.startsWith("${", i)) {
      const end = closingBrace(text2, i + 2);
      if (end < 0) {
        return {
          error: `"${text2}" opens \${ without a closing }; write $\${ for a literal \${`
        };
      }
      if (literal2) parts.push({ literal: literal2 });
      literal2 = "";
      parts.push({ ref: text2.slice(i + 2, end), raw: text2.slice(i, end + 1) });
      i = end + 1;
    } else {
      literal2 += text2[i];
      i++;
    }
  }
  if (literal2) parts.push({ literal: literal2 });
  return { parts };
}
function closingBrace(text2, from) {
  let depth = 1;
  for (let i = from; i < text2.length; i++) {
    if (text2[i] === "{") depth++;
    else if (text2[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

// src/profiles/template.ts
var SECRET_NAME = /TOKEN|SECRET|PASSWORD|KEY|CREDENTIAL/i;
function isSecretName(name) {
  return SECRET_NAME.test(name);
}
var CONTEXT_WORDS = ["profile", "pipeline", "preview", "git.sha"];
function interpolateProfile(tree, scope) {
  const diagnostics = [];
  const variablesNode = tree.entries.get("variables");
  const variables = variablesNode?.kind === "map" ? variablesNode : void 0;
  const variableNames = variables ? [...variables.entries.keys()] : [];
  const memo = /* @__PURE__ */ new Map();
  const visiting = [];
  const fail = (d) => {
    diagnostics.push(d);
    return { text: "", env: [], unresolved: false, failed: true };
  };
  const plain = (text2, env = []) => ({
    text: text2,
    env,
    unresolved: false,
    failed: false
  });
  const unresolved = (raw, env = []) => ({
    text: raw,
    env,
    unresolved: true,
    failed: false
  });
  const resolveVariable = (name, site2) => {
    const known = memo.get(name);
    if (known) return known;
    const node = variables?.entries.get(name);
    if (!node) {
      const candidates = variableNames.filter((v) => !visiting.includes(v));
      const hint = didYouMean(name, candidates);
      const defined = variableNames.length ? variableNames.join(", ") : "(none)";
      return fail(
        errorAt(
          "unknown-variable",
          `${site2.path}: \${var.${name}} is not defined under variables;${hint || ` add ${name} to variables.`}`,
          site2.location,
          { detail: `the variables are: ${defined}`, path: site2.path }
        )
      );
    }
    const open = visiting.indexOf(name);
    if (open >= 0) {
      const loop = [...visiting.slice(open), name].map((v) => `var.${v}`);
      const first = variables?.entries.get(visiting[open]);
      return fail(
        errorAt(
          "variable-cycle",
          `variables refer to each other in a cycle: ${loop.join(" \u2192 ")}; make one of them a plain value`,
          first?.from[0] ?? site2.location,
          { path: `variables.${visiting[open]}` }
        )
      );
    }
    if (node.kind !== "scalar" || node.value === null) {
      return { ...plain(""), failed: true };
    }
    visiting.push(name);
    const piece = typeof node.value === "string" ? interpolate(node.value, {
      path: `variables.${name}`,
      location: node.from[0]
    }) : plain(String(node.value));
    visiting.pop();
    memo.set(name, piece);
    return piece;
  };
  const missing = (raw, site2, code2, summary) => scope.allowUnsetEnv ? unresolved(raw) : fail(
    errorAt(code2, `${site2.path}: ${summary}`, site2.location, {
      path: site2.path
    })
  );
  const evaluate = (ref, raw, site2) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)(?::-([\s\S]*))?$/.exec(
      ref.trim()
    );
    const name = m?.[1];
    const fallback = m?.[2];
    const withDefault = () => interpolate(fallback ?? "", site2);
    if (name === void 0 || name.includes(".") && !name.startsWith("var.") && name !== "git.sha") {
      const hint = didYouMean(name ?? ref.trim(), [
        ...CONTEXT_WORDS,
        ...variableNames.map((v) => `var.${v}`)
      ]);
      return fail(
        errorAt(
          "unknown-reference",
          `${site2.path}: ${raw} is not a reference dtflw knows;${hint || " write ${NAME} or ${NAME:-default} for an environment variable, ${var.NAME}, ${profile}, ${pipeline}, ${git.sha} or ${preview}."}`,
          site2.location,
          { path: site2.path }
        )
      );
    }
    if (fallback !== void 0 && (name === "profile" || name === "pipeline" || name.startsWith("var."))) {
      const why = name.startsWith("var.") ? `define ${name.slice(4)} under variables instead` : `\${${name}} always has a value`;
      return fail(
        errorAt(
          "unexpected-default",
          `${site2.path}: ${raw} takes no default (:-); ${why}`,
          site2.location,
          { path: site2.path }
        )
      );
    }
    if (name.startsWith("var.")) {
      const piece = resolveVariable(name.slice(4), site2);
      return piece.failed ? { ...piece, text: "" } : piece;
    }
    if (name === "profile") return plain(scope.profile);
    if (name === "pipeline") return plain(scope.pipeline);
    if (name === "preview" || name === "git.sha") {
      const value2 = name === "preview" ? scope.preview : scope.gitSha;
      if (value2) return plain(value2);
      if (fallback !== void 0) return withDefault();
      return name === "preview" ? missing(
        raw,
        site2,
        "missing-preview",
        `\${preview} needs a preview name, and none was given; pass --preview NAME (the Action uses pr-<number> on pull requests) or write \${preview:-default}`
      ) : missing(
        raw,
        site2,
        "missing-git-sha",
        `\${git.sha} needs the commit, and it is unknown here; run dtflw inside a git checkout or write \${git.sha:-default}`
      );
    }
    const value = scope.env[name];
    if (value !== void 0 && (value !== "" || fallback === void 0)) {
      return plain(value, [name]);
    }
    if (fallback !== void 0) {
      const piece = withDefault();
      return { ...piece, env: [name, ...piece.env] };
    }
    if (scope.allowUnsetEnv) return unresolved(raw, [name]);
    const close = /[a-z]/.test(name) ? suggest(name, CONTEXT_WORDS) : void 0;
    return fail(
      errorAt(
        "unset-variable",
        `${site2.path}: environment variable ${name} is not set; set ${name} in the environment or .env, or write \${${name}:-default}.`,
        site2.location,
        {
          path: site2.path,
          ...close ? { detail: `did you mean \${${close}}?` } : {}
        }
      )
    );
  };
  const interpolate = (text2, site2) => {
    const split = splitTemplate(text2);
    if ("error" in split) {
      return fail(
        errorAt(
          "unclosed-template",
          `${site2.path}: ${split.error}`,
          site2.location,
          {
            path: site2.path
          }
        )
      );
    }
    let out = "";
    const env = [];
    let isUnresolved = false;
    let failed = false;
    for (const part of split.parts) {
      if ("literal" in part) {
        out += part.literal;
        continue;
      }
      const piece = evaluate(part.ref, part.raw, site2);
      out += piece.text;
      for (const name of piece.env) if (!env.includes(name)) env.push(name);
      isUnresolved ||= piece.unresolved;
      failed ||= piece.failed;
    }
    return { text: out, env, unresolved: isUnresolved, failed };
  };
  const leaf = (node, piece) => ({
    ...node,
    value: piece.failed ? node.value : piece.text,
    written: node.value,
    env: piece.env,
    secret: piece.env.some(isSecretName),
    // A failed value keeps its text but is not judged again by the schema.
    ...piece.unresolved || piece.failed ? { unresolved: true } : {}
  });
  const walk = (node, at) => {
    if (node.kind === "scalar") {
      if (typeof node.value !== "string" || !node.value.includes("${")) {
        return node;
      }
      if (at.length === 2 && at[0] === "variables" && typeof at[1] === "string") {
        return leaf(node, resolveVariable(at[1], site(at, node)));
      }
      return leaf(node, interpolate(node.value, site(at, node)));
    }
    if (node.kind === "list") {
      const items = node.items.map((item, i) => walk(item, [...at, i]));
      return { ...node, items };
    }
    const entries = /* @__PURE__ */ new Map();
    for (const [key, value] of node.entries) {
      entries.set(key, walk(value, [...at, key]));
    }
    return { ...node, entries };
  };
  const result = walk(tree, []);
  return { tree: result, diagnostics };
}
function site(at, node) {
  return { path: formatPath(at), location: node.from[0] };
}

// src/profiles/load.ts
var PROFILE_FILE = /\.ya?ml$/;
function isPartial(name) {
  return name.startsWith("_");
}
async function listProfiles(root, profilesDir) {
  const texts = await readProfileTexts(root, profilesDir, false);
  return [...texts.keys()].filter((name) => !isPartial(name));
}
async function loadProfile(options) {
  const { root, profilesDir, name } = options;
  const texts = await readProfileTexts(root, profilesDir, true);
  const names = [...texts.keys()];
  const listed = names.filter((n) => !isPartial(n));
  if (!listed.includes(name)) {
    throw new UnknownProfileError(name, listed, posixDir(profilesDir));
  }
  const dotenv = await loadDotenv(root);
  const { profile, diagnostics } = resolveProfile({
    name,
    lookup: createLookup(texts),
    names,
    allowUnsetEnv: options.allowUnsetEnv,
    context: {
      ...options.context,
      env: withDotenv(options.context.env, dotenv.values)
    }
  });
  const all = [...dotenv.diagnostics, ...diagnostics];
  if (!profile || hasErrors(all)) {
    throw new InvalidConfigError(sortDiagnostics(all));
  }
  return profile;
}
function resolveProfile(input) {
  const { name } = input;
  const order = planMergeOrder(name, input.lookup, input.names);
  if (hasErrors(order.diagnostics) || order.files.length === 0) {
    return { diagnostics: [...order.diagnostics] };
  }
  const merged = order.files.reduce(
    (tree, file) => file.tree ? mergeProfiles(tree, file.tree) : tree,
    emptyMap()
  );
  const interpolated = interpolateProfile(merged, {
    ...input.context,
    profile: name,
    allowUnsetEnv: input.allowUnsetEnv
  });
  const schema = checkProfileSchema(interpolated.tree);
  const built = buildResolvedProfile({
    name,
    files: order.files.map((f) => f.file),
    tree: interpolated.tree
  });
  const diagnostics = [
    ...order.diagnostics,
    ...interpolated.diagnostics,
    ...schema,
    ...built.diagnostics
  ];
  return hasErrors(diagnostics) ? { diagnostics: sortDiagnostics(diagnostics) } : { profile: built.profile, diagnostics };
}
function createLookup(texts) {
  const parsed = /* @__PURE__ */ new Map();
  return (name) => {
    const known = parsed.get(name);
    if (known) return known;
    const candidates = texts.get(name);
    if (!candidates || candidates.length === 0) return void 0;
    const [first, ...others] = candidates;
    let file = parseProfileFile(first.text, first.file);
    if (others.length > 0) {
      const files = candidates.map((c) => c.file).join(" and ");
      const clash = errorAt(
        "duplicate-profile",
        `profile "${name}" is defined twice, by ${files}; keep one`,
        { file: others[0].file, line: 1, column: 1 }
      );
      file = { ...file, diagnostics: [clash, ...file.diagnostics] };
    }
    parsed.set(name, file);
    return file;
  };
}
async function readProfileTexts(root, profilesDir, withText) {
  const dir = path6.resolve(root, profilesDir);
  let entries;
  try {
    entries = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && PROFILE_FILE.test(e.name)).map((e) => e.name).sort();
  } catch (error) {
    if (error.code === "ENOENT") return /* @__PURE__ */ new Map();
    throw error;
  }
  const out = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    const absolute = path6.join(dir, entry);
    const text2 = withText ? await readFile2(absolute, "utf8") : "";
    const list2 = out.get(profileNameOf(entry)) ?? [];
    list2.push({ file: toPosixRelative(root, absolute), text: text2 });
    out.set(profileNameOf(entry), list2);
  }
  return new Map([...out].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}
function withDotenv(env, dotenv) {
  const out = { ...dotenv };
  for (const [key, value] of Object.entries(env)) {
    if (value !== void 0) out[key] = value;
  }
  return out;
}
function posixDir(profilesDir) {
  return profilesDir.split(path6.sep).join("/").replace(/\/+$/, "") || ".";
}

// src/profiles/explain.ts
init_diagnostics();
function explainProfile(profile) {
  return profile.leaves.map((leaf) => ({
    path: leaf.path,
    value: leaf.secret ? "***" : display(leaf.value),
    ...leaf.written !== void 0 ? { written: leaf.written } : {},
    from: leaf.from[0] ? formatLine(leaf.from[0]) : `(${leaf.origin ?? "default"})`,
    overrides: leaf.from.slice(1).map(formatLine),
    secret: leaf.secret,
    ...leaf.unresolved ? { unresolved: true } : {}
  }));
}
function display(value) {
  if (typeof value === "string") {
    return value === "" || /[\n\r\t]/.test(value) ? JSON.stringify(value) : value;
  }
  if (typeof value === "number" || typeof value === "boolean") {
    return String(value);
  }
  return JSON.stringify(value);
}
function renderExplain(rows) {
  const cells = rows.map((row) => [row.path, row.value, row.from, notes(row)]);
  const widths = [0, 1, 2].map(
    (i) => Math.max(0, ...cells.map((c) => c[i].length))
  );
  return cells.map(
    (c) => c.map((cell, i) => i < widths.length ? cell.padEnd(widths[i]) : cell).join("  ").trimEnd()
  ).join("\n");
}
function notes(row) {
  const out = [];
  if (row.overrides.length > 0) {
    out.push(`overrides ${row.overrides.join(", ")}`);
  }
  if (row.unresolved) out.push("not set");
  else if (row.written !== void 0 && row.written !== row.value) {
    out.push(`written as ${row.written}`);
  }
  return out.join("; ");
}

// src/commands/cleanup.ts
init_diagnostics();

// src/commands/engines.ts
init_diagnostics();
async function createEngine(setup) {
  switch (setup.profile.engine) {
    case "local": {
      const { createLocalEngine: createLocalEngine2, WAREHOUSE_DIR: WAREHOUSE_DIR2 } = await Promise.resolve().then(() => (init_local(), local_exports));
      const { python, sandbox } = setup.profile.values;
      const tables = setup.profile.tables;
      return createLocalEngine2({
        root: setup.root,
        env: setup.env,
        // Catalog layout keeps a profile's tables under its catalog's folder.
        tablesRoot: tables.layout === "path" ? tables.root : `${WAREHOUSE_DIR2}/${tables.catalog}`,
        ...typeof python === "string" ? { python } : {},
        ...sandbox === "strict" || sandbox === "standard" ? { sandbox } : {}
      });
    }
    case "databricks":
      throw new UsageError(
        `this version of dtflw runs profiles with engine: local only; engine "databricks" comes with the Databricks engine. Run with a local profile (e.g. --profile development).`
      );
  }
}

// src/commands/engine-for.ts
async function engineFor(loaded2, deps) {
  for (const leaf of loaded2.profile.leaves) {
    if (leaf.secret && typeof leaf.value === "string") {
      deps.onSecret?.(leaf.value);
    }
  }
  const factory = deps.engines ?? createEngine;
  return factory({
    root: loaded2.project.manifest.root,
    profile: loaded2.profile,
    env: deps.env,
    toolVersion: deps.toolVersion,
    credentials: deps.credentials,
    onSecret: deps.onSecret
  });
}

// src/commands/project.ts
init_diagnostics();
import { readFile as readFile8, rm as rm6 } from "node:fs/promises";
import path28 from "node:path";

// src/flow/build.ts
init_diagnostics();
function buildFlow(manifest) {
  const sources = new Set(manifest.sources.map((s) => s.name));
  const latest = /* @__PURE__ */ new Map();
  const allAliases = /* @__PURE__ */ new Map();
  for (const step of manifest.flow)
    for (const o of step.outputs)
      if (!allAliases.has(o.alias)) allAliases.set(o.alias, step);
  const diagnostics = [];
  const edges = [];
  const read = /* @__PURE__ */ new Set();
  const steps = manifest.flow.map((spec) => {
    const inputs = spec.inputs.map((input) => {
      const table = input.source ?? input.name;
      read.add(table);
      const producer = latest.get(table);
      if (producer) {
        edges.push({ from: producer.key, to: spec.key, kind: "data", table });
      } else if (!sources.has(table) && !input.optional && !input.path) {
        diagnostics.push(
          unknownInput(spec, table, input.location, latest, sources, allAliases)
        );
      }
      return Object.freeze({
        name: input.name,
        table,
        ...producer ? { producer: producer.key } : {},
        isSource: !producer && sources.has(table),
        ...input.path ? { path: input.path } : {},
        optional: input.optional,
        location: input.location
      });
    });
    for (const o of spec.outputs) latest.set(o.alias, spec);
    return Object.freeze({
      key: spec.key,
      index: spec.index,
      notebook: spec.notebook,
      args: Object.freeze([...spec.args]),
      inputs: Object.freeze(inputs),
      outputs: Object.freeze(
        spec.outputs.map(
          (o) => Object.freeze({
            name: o.name,
            alias: o.alias,
            ...o.path ? { path: o.path } : {},
            ...o.columns ? { columns: o.columns } : {},
            strict: o.strict,
            location: o.location
          })
        )
      ),
      location: spec.location
    });
  });
  for (const s of manifest.sources) {
    if (!read.has(s.name)) {
      diagnostics.push(
        warningAt(
          "unused-source",
          `source "${s.name}" is declared but no step reads it; remove it or add it to a step's inputs.`,
          s.location
        )
      );
    }
  }
  if (hasErrors(diagnostics)) return { diagnostics };
  const flow = Object.freeze({
    pipeline: manifest.pipeline,
    steps: Object.freeze(steps),
    sources: Object.freeze(manifest.sources.map((s) => s.name)),
    edges: Object.freeze(sortEdges(dedupeEdges(edges)))
  });
  return { flow, diagnostics };
}
function unknownInput(step, table, location, earlier, sources, all) {
  const later = all.get(table);
  if (later && later.index >= step.index) {
    const when = later.index === step.index ? "by this same step" : `later, by step "${later.key}" (${formatLine(later.location)})`;
    return errorAt(
      "input-produced-later",
      `input "${table}" of step "${step.key}" is produced ${when}; an input resolves to a producer before its step: move the step after its producer, or declare "${table}" under sources.`,
      location
    );
  }
  const candidates = [...earlier.keys(), ...sources];
  const close = suggest(table, candidates);
  const hint = close ? ` did you mean "${close}"?` : " declare it under sources:, or add a step before this one that outputs it.";
  return errorAt(
    "unknown-input",
    `input "${table}" of step "${step.key}" is not produced by an earlier step and is not a declared source;${hint}`,
    location
  );
}
function dedupeEdges(edges) {
  const seen = /* @__PURE__ */ new Set();
  return edges.filter((e) => {
    const id = `${e.from}\0${e.to}\0${e.kind}\0${e.table}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
function sortEdges(edges) {
  const k = (e) => [e.from, e.to, e.kind, e.table];
  return [...edges].sort((a, b) => {
    const ka = k(a);
    const kb = k(b);
    for (let i = 0; i < ka.length; i++) {
      if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    }
    return 0;
  });
}

// src/flow/plan.ts
init_diagnostics();

// src/flow/graph.ts
init_diagnostics();
function computeLevels(keys, edges) {
  const { order, parents } = topologicalOrder(keys, edges);
  const level = /* @__PURE__ */ new Map();
  const levels = [];
  for (const key of order) {
    let l = 0;
    for (const p of parents.get(key)) l = Math.max(l, level.get(p) + 1);
    level.set(key, l);
    (levels[l] ??= []).push(key);
  }
  return levels.map((l) => l.sort());
}
function computeCriticalPath(keys, edges) {
  const { order, parents } = topologicalOrder(keys, edges);
  const length = /* @__PURE__ */ new Map();
  const via = /* @__PURE__ */ new Map();
  for (const key of order) {
    let best;
    for (const p of [...parents.get(key)].sort()) {
      if (best === void 0 || length.get(p) > length.get(best)) best = p;
    }
    length.set(key, best === void 0 ? 1 : length.get(best) + 1);
    via.set(key, best);
  }
  let end;
  for (const key of [...keys].sort()) {
    if (end === void 0 || length.get(key) > length.get(end)) end = key;
  }
  const path34 = [];
  for (let k = end; k !== void 0; k = via.get(k)) path34.push(k);
  return path34.reverse();
}
function parentMap(keys, edges) {
  const parents = new Map(keys.map((k) => [k, /* @__PURE__ */ new Set()]));
  for (const e of edges) {
    if (parents.has(e.from) && e.from !== e.to) parents.get(e.to)?.add(e.from);
  }
  return parents;
}
function topologicalOrder(keys, edges) {
  const parents = parentMap(keys, edges);
  const children = new Map(keys.map((k) => [k, []]));
  const waiting = /* @__PURE__ */ new Map();
  for (const [key, ps] of parents) {
    waiting.set(key, ps.size);
    for (const p of ps) children.get(p).push(key);
  }
  const order = [];
  const ready = keys.filter((k) => waiting.get(k) === 0);
  for (let i = 0; i < ready.length; i++) {
    const key = ready[i];
    order.push(key);
    for (const c of children.get(key)) {
      const left = waiting.get(c) - 1;
      waiting.set(c, left);
      if (left === 0) ready.push(c);
    }
  }
  if (order.length !== keys.length) {
    throw new InternalError("the step graph has a cycle");
  }
  return { order, parents };
}

// src/flow/locations.ts
import path25 from "node:path";
var SCHEME = /^[a-z][a-z0-9+.-]*:\/?/i;
function isAbsoluteLocation(p) {
  return SCHEME.test(p) || p.startsWith("/");
}
function joinLocation(root, ...parts) {
  let out = root;
  for (const part of parts) {
    if (!part) continue;
    const trimmed = part.replace(/^\/+/, "");
    out = out === "" ? trimmed : out.endsWith("/") ? out + trimmed : `${out}/${trimmed}`;
  }
  return out;
}
function notebookFolder(notebook) {
  return notebook.replace(/\.[^./]*$/, "");
}
function formatOf(p, fallback) {
  const ext = path25.posix.extname(p.replace(/\/+$/, "")).slice(1).toLowerCase();
  return ["parquet", "csv", "json", "delta", "orc", "avro", "txt"].includes(ext) ? ext : fallback;
}
function defaultOutputLocation(tables, notebook, name, alias) {
  if (tables.layout === "path") {
    return {
      kind: "path",
      uri: joinLocation(
        tables.root,
        notebookFolder(notebook),
        `${name}.${tables.format}`
      ),
      format: tables.format
    };
  }
  return {
    kind: "table",
    name: `${tables.catalog}.${tables.schema}.${alias}`,
    ...tables.format ? { format: tables.format } : {}
  };
}
function explicitLocation(tables, p) {
  if (isAbsoluteLocation(p)) {
    const format = tables.format ?? "parquet";
    return { kind: "path", uri: p, format: formatOf(p, format) };
  }
  if (tables.layout === "catalog") {
    const parts = p.split(".");
    if (!p.includes("/") && parts.length <= 3 && parts.every((x) => /^[\w-]+$/.test(x))) {
      const full = [tables.catalog, tables.schema].slice(0, 3 - parts.length).concat(parts);
      return {
        kind: "table",
        name: full.join("."),
        ...tables.format ? { format: tables.format } : {}
      };
    }
    return {
      problem: `is a relative path, but this profile uses layout: catalog, which has no root; write an absolute location or a table name (schema.table)`
    };
  }
  return {
    kind: "path",
    uri: joinLocation(tables.root, p),
    format: formatOf(p, tables.format)
  };
}
function sourceLocation(config) {
  if ("table" in config) return { kind: "table", name: config.table };
  return { kind: "path", uri: config.path, format: config.format };
}
function locationValue(location) {
  if (!location) return "";
  return location.kind === "path" ? location.uri : location.name;
}
function locationKey(location) {
  if (location.kind === "table") return `table:${location.name.toLowerCase()}`;
  return `path:${location.uri.replace(/^\.\//, "").replace(/\/+$/, "")}`;
}

// src/flow/plan.ts
function planFlow(flow, profile, context = {}) {
  const diagnostics = [];
  const sources = flow.sources.map((name) => {
    const config = profile.sources[name];
    return config ? {
      name,
      location: sourceLocation(config),
      ..."options" in config && config.options ? { options: config.options } : {}
    } : { name };
  });
  const sourceByName = new Map(sources.map((s) => [s.name, s]));
  const outputsByStep = /* @__PURE__ */ new Map();
  const steps = flow.steps.map((step) => {
    const args = planArgs(step, profile, flow.pipeline, context, diagnostics);
    const inputs = step.inputs.map((input) => {
      let location;
      if (input.path) {
        location = placeExplicit(
          profile,
          input.path,
          `input "${input.name}"`,
          input.location,
          diagnostics
        );
      } else if (input.producer) {
        location = outputsByStep.get(input.producer)?.find((o) => o.alias === input.table)?.location;
      } else if (input.isSource) {
        location = sourceByName.get(input.table)?.location;
        if (!location && !input.optional) {
          diagnostics.push(
            errorAt(
              "source-without-location",
              `source "${input.table}" has no location in profile "${profile.name}"; add sources.${input.table} with a path and format, or a table, to ${profile.files[profile.files.length - 1] ?? "the profile"}.`,
              input.location
            )
          );
        }
      }
      return {
        name: input.name,
        param: `${input.name}_in`,
        table: input.table,
        ...input.producer ? { producer: input.producer } : {},
        isSource: input.isSource,
        optional: input.optional,
        ...location ? { location } : {}
      };
    });
    const outputs = step.outputs.map((o) => {
      const location = o.path ? placeExplicit(
        profile,
        o.path,
        `output "${o.name}"`,
        o.location,
        diagnostics
      ) : defaultOutputLocation(profile.tables, step.notebook, o.name, o.alias);
      return {
        name: o.name,
        alias: o.alias,
        param: `${o.name}_out`,
        location: location ?? { kind: "path", uri: "", format: "parquet" },
        ...o.columns ? { columns: o.columns } : {},
        strict: o.strict
      };
    });
    outputsByStep.set(step.key, outputs);
    const parameters = { ...args };
    for (const i of inputs) parameters[i.param] = locationValue(i.location);
    for (const o of outputs) parameters[o.param] = locationValue(o.location);
    return {
      key: step.key,
      index: step.index,
      notebook: step.notebook,
      location: step.location,
      args,
      inputs,
      outputs,
      parameters,
      dependsOn: []
    };
  });
  const edges = sortEdges(
    dedupeEdges([
      ...flow.edges,
      ...locationEdges(flow, steps, sources, diagnostics)
    ])
  );
  if (hasErrors(diagnostics)) throw new InvalidConfigError(diagnostics);
  return assemblePlan(
    flow.pipeline,
    profile.name,
    profile.engine,
    steps,
    edges,
    sources,
    []
  );
}
function assemblePlan(pipeline, profile, engine, steps, edges, sources, excluded) {
  const keys = steps.map((s) => s.key);
  const known = new Set(keys);
  const kept = edges.filter((e) => known.has(e.from) && known.has(e.to));
  const parents = /* @__PURE__ */ new Map();
  for (const e of kept) {
    if (!parents.has(e.to)) parents.set(e.to, /* @__PURE__ */ new Set());
    parents.get(e.to).add(e.from);
  }
  const withDeps = steps.map(
    (s) => Object.freeze({
      ...s,
      dependsOn: Object.freeze([...parents.get(s.key) ?? []].sort())
    })
  );
  return Object.freeze({
    pipeline,
    profile,
    engine,
    steps: Object.freeze(withDeps),
    edges: Object.freeze(kept),
    levels: Object.freeze(computeLevels(keys, kept)),
    criticalPath: Object.freeze(computeCriticalPath(keys, kept)),
    sources: Object.freeze([...sources]),
    excluded: Object.freeze([...excluded])
  });
}
function placeExplicit(profile, p, what, location, diagnostics) {
  const placed = explicitLocation(profile.tables, p);
  if ("problem" in placed) {
    diagnostics.push(
      errorAt(
        "explicit-path",
        `path "${p}" of ${what} ${placed.problem} (profile "${profile.name}").`,
        location
      )
    );
    return void 0;
  }
  return placed;
}
function planArgs(step, profile, pipeline, context, diagnostics) {
  const out = {};
  for (const arg of step.args) {
    const split = splitTemplate(arg.value);
    if ("error" in split) {
      diagnostics.push(
        errorAt(
          "unclosed-template",
          `argument "${arg.name}" of step "${step.key}": ${split.error}.`,
          arg.location
        )
      );
      continue;
    }
    out[arg.name] = split.parts.map((part) => {
      if ("literal" in part) return part.literal;
      const value = argReference(part.ref.trim(), profile, pipeline, context);
      if (value !== void 0) return value;
      diagnostics.push(
        unresolvedArg(arg, part.ref.trim(), part.raw, step, profile)
      );
      return part.raw;
    }).join("");
  }
  return out;
}
function argReference(ref, profile, pipeline, context) {
  if (ref.startsWith("var.")) return profile.variables[ref.slice(4)];
  if (ref === "profile") return profile.name;
  if (ref === "pipeline") return pipeline;
  const [name, fallback] = splitDefault(ref);
  const value = name === "git.sha" ? context.gitSha : name === "preview" ? context.preview : context.env?.[name];
  return value !== void 0 && value !== "" ? value : fallback;
}
function splitDefault(ref) {
  const at = ref.indexOf(":-");
  return at < 0 ? [ref, void 0] : [ref.slice(0, at), ref.slice(at + 2)];
}
function unresolvedArg(arg, ref, raw, step, profile) {
  const where = `argument "${arg.name}" of step "${step.key}"`;
  if (ref.startsWith("var.")) {
    const name2 = ref.slice(4);
    return errorAt(
      "unknown-variable",
      `${where} uses \${var.${name2}}, which profile "${profile.name}" does not define;${didYouMean(name2, Object.keys(profile.variables)) || ` add variables.${name2} to ${profile.files[0] ?? "the profile"}.`}`,
      arg.location
    );
  }
  const [name] = splitDefault(ref);
  const fix = name === "git.sha" ? "run inside a git checkout or set GITHUB_SHA." : name === "preview" ? "pass --preview NAME." : `set ${name} in the environment or .env, or write \${${name}:-default}.`;
  return errorAt(
    "unresolved-template",
    `${where} uses ${raw}, which has no value; ${fix}`,
    arg.location
  );
}
function locationEdges(flow, steps, sources, diagnostics) {
  const edges = [];
  const writers = /* @__PURE__ */ new Map();
  for (const step of steps) {
    const flowStep = flow.steps[step.index];
    const mine = /* @__PURE__ */ new Map();
    step.outputs.forEach((output, i) => {
      if (!output.location || locationValue(output.location) === "") return;
      const key = locationKey(output.location);
      const twin = mine.get(key);
      const location = flowStep.outputs[i].location;
      if (twin) {
        diagnostics.push(
          errorAt(
            "location-conflict",
            `outputs "${twin.name}" and "${output.name}" of step "${step.key}" are both written to ${locationValue(output.location)}; give one its own path.`,
            location
          )
        );
        return;
      }
      mine.set(key, output);
      const list2 = writers.get(key) ?? [];
      const previous = list2[list2.length - 1];
      if (previous) {
        edges.push({
          from: previous.step.key,
          to: step.key,
          kind: "write-after-write",
          table: output.alias
        });
      }
      list2.push({ step, output, location });
      writers.set(key, list2);
    });
  }
  const indexOf = new Map(steps.map((s) => [s.key, s.index]));
  const sourceKeys = new Map(
    sources.filter((s) => s.location).map((s) => [s.name, locationKey(s.location)])
  );
  for (const step of steps) {
    const flowStep = flow.steps[step.index];
    step.inputs.forEach((input, i) => {
      if (!input.location) return;
      const key = input.isSource ? sourceKeys.get(input.table) ?? locationKey(input.location) : locationKey(input.location);
      const list2 = writers.get(key) ?? [];
      const producerIndex = input.producer ? indexOf.get(input.producer) ?? -1 : -1;
      for (const w of list2) {
        if (w.step.index <= producerIndex || w.step.key === step.key) continue;
        if (w.step.index < step.index) {
          const version = input.producer ? `the version written by "${input.producer}"` : "its source";
          diagnostics.push(
            errorAt(
              "location-conflict",
              `input "${input.name}" of step "${step.key}" reads ${version}, but step "${w.step.key}" (${formatLine(w.location)}) overwrites ${locationValue(input.location)} with "${w.output.alias}" in between, so no order keeps it; give that output its own path.`,
              flowStep.inputs[i].location
            )
          );
        } else {
          edges.push({
            from: step.key,
            to: w.step.key,
            kind: "write-after-read",
            table: input.table
          });
        }
        break;
      }
    });
  }
  return edges;
}

// src/flow/select.ts
init_diagnostics();
function parseSelection(expression) {
  return expression.split(/[\s,]+/).filter(Boolean).map((term) => {
    const upstream = term.startsWith("+");
    const downstream2 = term.endsWith("+") && term.length > 1;
    const key = term.replace(/^\+/, "").replace(/\+$/, "");
    if (!key)
      throw new UsageError(
        `--select term "${term}" names no step; write name, name+ or +name.`
      );
    return { key, upstream, downstream: downstream2 };
  });
}
function reachable(plan, start, direction) {
  const next = /* @__PURE__ */ new Map();
  for (const e of plan.edges) {
    const [a, b] = direction === "downstream" ? [e.from, e.to] : [e.to, e.from];
    next.set(a, [...next.get(a) ?? [], b]);
  }
  const seen = /* @__PURE__ */ new Set();
  const stack = [...start];
  while (stack.length > 0) {
    const key = stack.pop();
    if (seen.has(key)) continue;
    seen.add(key);
    stack.push(...next.get(key) ?? []);
  }
  return seen;
}
function selectSteps(plan, keys) {
  const chosen = new Set(keys);
  const steps = plan.steps.filter((s) => chosen.has(s.key));
  const excluded = plan.steps.filter((s) => !chosen.has(s.key)).map((s) => s.key);
  return withSteps(plan, steps, [.../* @__PURE__ */ new Set([...plan.excluded, ...excluded])]);
}
function applySelection(plan, expression) {
  const known = plan.steps.map((s) => s.key);
  const chosen = /* @__PURE__ */ new Set();
  for (const term of parseSelection(expression)) {
    if (!known.includes(term.key)) {
      throw new UsageError(
        `--select names step "${term.key}", which the flow does not have;${didYouMean(term.key, known) || ` the steps are: ${known.join(", ")}.`}`
      );
    }
    chosen.add(term.key);
    if (term.downstream)
      for (const k of reachable(plan, [term.key], "downstream")) chosen.add(k);
    if (term.upstream)
      for (const k of reachable(plan, [term.key], "upstream")) chosen.add(k);
  }
  return selectSteps(plan, chosen);
}
function deferInputs(plan, deferTo) {
  const selected = new Set(plan.steps.map((s) => s.key));
  const elsewhere = new Map(deferTo.steps.map((s) => [s.key, s]));
  const steps = plan.steps.map((step) => {
    let changed = false;
    const inputs = step.inputs.map((input) => {
      if (!input.producer || selected.has(input.producer)) return input;
      const output = elsewhere.get(input.producer)?.outputs.find((o) => o.alias === input.table);
      if (!output) return input;
      changed = true;
      return { ...input, location: output.location };
    });
    if (!changed) return step;
    const parameters = { ...step.parameters };
    for (const i of inputs) {
      parameters[i.param] = locationValue(i.location);
    }
    return { ...step, inputs, parameters };
  });
  return withSteps(plan, steps, plan.excluded);
}
function withSteps(plan, steps, excluded) {
  return assemblePlan(
    plan.pipeline,
    plan.profile,
    plan.engine,
    steps,
    plan.edges,
    plan.sources,
    excluded
  );
}

// src/flow/fingerprint.ts
init_io();
var RECIPE = 1;
async function fingerprintSteps(plan, readNotebook2) {
  const notebooks = [...new Set(plan.steps.map((s) => s.notebook))];
  const contents = new Map(
    await Promise.all(
      notebooks.map(
        async (p) => [p, sha256(normaliseNotebook(await readNotebook2(p)))]
      )
    )
  );
  const sourceOptions = new Map(plan.sources.map((s) => [s.name, s.options]));
  const prints = {};
  for (const step of plan.steps) {
    prints[step.key] = stableHash({
      recipe: RECIPE,
      content: contents.get(step.notebook),
      ...stepInputs(step, sourceOptions)
    });
  }
  return prints;
}
function changedSteps(base, head) {
  const has = (o, k) => Object.hasOwn(o, k);
  const sorted = (keys) => keys.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
  return {
    added: sorted(Object.keys(head).filter((k) => !has(base, k))),
    removed: sorted(Object.keys(base).filter((k) => !has(head, k))),
    changed: sorted(
      Object.keys(head).filter((k) => has(base, k) && base[k] !== head[k])
    )
  };
}
function normaliseNotebook(text2) {
  return text2.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}
function stepInputs(step, sourceOptions) {
  return {
    parameters: step.parameters,
    outputs: step.outputs.map((o) => ({
      param: o.param,
      format: formatOf2(o.location),
      columns: o.columns?.map((c) => [c.name, c.type]) ?? null,
      strict: o.strict
    })),
    inputs: step.inputs.map((i) => ({
      param: i.param,
      format: i.location ? formatOf2(i.location) : null,
      options: i.isSource ? sourceOptions.get(i.table) ?? null : null
    }))
  };
}
function formatOf2(location) {
  return location.format ?? null;
}

// src/commands/project.ts
init_io();

// src/manifest/parse.ts
init_diagnostics();
import path26 from "node:path";

// src/manifest/schema.ts
var import_ajv2 = __toESM(require_ajv(), 1);
init_diagnostics();

// schemas/dtflw.schema.json
var dtflw_schema_default = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://github.com/soley/dtflw-action/schemas/dtflw.schema.json",
  title: "dtflw pipeline manifest (dtflw.yaml)",
  description: "A Databricks notebook pipeline: its sources and the ordered notebook steps of its flow.",
  type: "object",
  additionalProperties: false,
  required: ["pipeline", "flow"],
  properties: {
    $schema: { type: "string" },
    pipeline: {
      description: "Name of the pipeline; used in workspace paths and ${pipeline}.",
      type: "string",
      pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$"
    },
    promotion: {
      description: "The DTAP chain a build is promoted along, e.g. [test, acceptance, production].",
      type: "array",
      items: { type: "string", minLength: 1 },
      uniqueItems: true
    },
    profiles: {
      description: "Folder of the profile files, relative to this file (default: profiles).",
      type: "string",
      minLength: 1
    },
    sources: {
      description: "Tables the flow reads and never produces; their locations are set per profile.",
      type: "object",
      additionalProperties: {
        anyOf: [
          { type: "null" },
          {
            type: "object",
            additionalProperties: false,
            properties: { description: { type: "string" } }
          }
        ]
      }
    },
    flow: {
      description: "The notebook steps, in order. An input resolves to the latest producer before the step.",
      type: "array",
      items: { $ref: "#/definitions/step" }
    }
  },
  definitions: {
    tableName: {
      type: "string",
      pattern: "^[^\\s]*$",
      minLength: 1
    },
    step: {
      type: "object",
      additionalProperties: false,
      required: ["notebook"],
      properties: {
        notebook: {
          description: "Path of the notebook (.py, .sql or .ipynb), relative to this file.",
          type: "string",
          minLength: 1
        },
        key: {
          description: "Task key; defaults to the notebook's file name without extension.",
          type: "string",
          pattern: "^[A-Za-z0-9_-]+$"
        },
        args: {
          description: "String arguments; the notebook reads each as a widget of the same name.",
          type: "object",
          additionalProperties: { type: ["string", "number", "boolean"] }
        },
        inputs: {
          type: "array",
          items: { $ref: "#/definitions/input" }
        },
        outputs: {
          type: "array",
          items: { $ref: "#/definitions/output" }
        }
      }
    },
    input: {
      description: "A table the step reads; the notebook receives <name>_in.",
      anyOf: [
        { $ref: "#/definitions/tableName" },
        {
          type: "object",
          additionalProperties: false,
          required: ["name"],
          properties: {
            name: { $ref: "#/definitions/tableName" },
            source: {
              description: "Resolve by this table instead of name.",
              $ref: "#/definitions/tableName"
            },
            path: {
              description: "An explicit location; a relative path joins the profile's table root.",
              type: "string",
              minLength: 1
            },
            optional: {
              description: "When nothing provides the table, the notebook receives an empty string.",
              type: "boolean"
            }
          }
        }
      ]
    },
    output: {
      description: "A table the step writes; the notebook receives <name>_out.",
      anyOf: [
        { $ref: "#/definitions/tableName" },
        {
          type: "object",
          additionalProperties: false,
          required: ["name"],
          properties: {
            name: { $ref: "#/definitions/tableName" },
            alias: {
              description: "The name later steps resolve this output by.",
              $ref: "#/definitions/tableName"
            },
            path: {
              description: "An explicit location; a relative path joins the profile's table root.",
              type: "string",
              minLength: 1
            },
            columns: {
              description: "Expected columns and Spark types (null: presence only).",
              type: "object",
              additionalProperties: { type: ["string", "null"] }
            },
            strict: {
              description: "Fail when the table has columns that are not declared.",
              type: "boolean"
            }
          }
        }
      ]
    }
  }
};

// src/manifest/yaml-source.ts
var import_yaml2 = __toESM(require_dist(), 1);
init_diagnostics();
function parseYamlSource(text2, file) {
  const lines = new import_yaml2.LineCounter();
  const doc = (0, import_yaml2.parseDocument)(text2, { lineCounter: lines, prettyErrors: false });
  const source = { file, text: text2, doc, lines };
  const seen = /* @__PURE__ */ new Set();
  const diagnostics = doc.errors.map((e) => yamlErrorToDiagnostic(e, source)).filter((d) => {
    const id = `${d.location?.line}:${d.summary}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return { source, diagnostics };
}
function yamlErrorToDiagnostic(e, source) {
  const location = locateOffset(source, e.pos[0]);
  const lineText = lineAt(source, location.line);
  const unquoted = /:\s*\$\{[^}]*\}/.exec(lineText);
  if (unquoted && lineText.includes("{")) {
    const column = lineText.indexOf("${") + 1;
    return errorAt(
      "unquoted-template",
      `a \${\u2026} value inside a { \u2026 } mapping must be quoted, e.g. key: "\${pipeline}"; quote it or put the mapping on separate lines.`,
      { ...location, column }
    );
  }
  const message = e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  return errorAt("yaml-syntax", `YAML syntax error: ${message}.`, location);
}
function lineAt(source, line) {
  return source.text.split(/\r?\n/)[line - 1] ?? "";
}
function locateOffset(source, offset) {
  const { line, col } = source.lines.linePos(offset);
  return { file: source.file, line, column: col };
}
function locateNode(source, node) {
  const offset = node?.range?.[0] ?? 0;
  return locateOffset(source, offset);
}
function nodeAt2(source, path34) {
  let node = source.doc.contents;
  for (const segment of path34) {
    if ((0, import_yaml2.isMap)(node)) {
      const next = node.get(segment, true);
      if (next === void 0) return node;
      node = next;
    } else if ((0, import_yaml2.isSeq)(node) && typeof segment === "number") {
      const next = node.get(segment, true);
      if (next === void 0) return node;
      node = next;
    } else {
      return node;
    }
  }
  return node;
}
function locateKey(source, path34) {
  const parent = nodeAt2(source, path34.slice(0, -1));
  const last = path34[path34.length - 1];
  if ((0, import_yaml2.isMap)(parent)) {
    const pair = parent.items.find(
      (p) => (0, import_yaml2.isScalar)(p.key) && p.key.value === last
    );
    if (pair && (0, import_yaml2.isScalar)(pair.key)) return locateNode(source, pair.key);
  }
  return locateNode(source, nodeAt2(source, path34));
}
function locatePath(source, path34) {
  return locateNode(source, nodeAt2(source, path34));
}

// src/manifest/schema.ts
var compiled2;
function validator2() {
  compiled2 ??= new import_ajv2.Ajv({
    allErrors: true,
    strict: false,
    verbose: true
  }).compile(dtflw_schema_default);
  return compiled2;
}
function validateManifestShape(value, source) {
  const validate = validator2();
  if (validate(value)) return [];
  const errors = relevantErrors(validate.errors ?? [], value);
  const seen = /* @__PURE__ */ new Set();
  const diagnostics = [];
  for (const e of errors) {
    const d = toDiagnostic2(e, value, source);
    const id = `${d.location?.line}:${d.location?.column}:${d.summary}`;
    if (seen.has(id)) continue;
    seen.add(id);
    diagnostics.push(d);
  }
  return diagnostics;
}
function pathOf(instancePath) {
  if (!instancePath) return [];
  return instancePath.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).map((s) => /^\d+$/.test(s) ? Number(s) : s);
}
function formatPath2(path34) {
  return path34.map((s, i) => typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`).join("");
}
function valueAt(value, path34) {
  let v = value;
  for (const s of path34) v = v?.[s];
  return v;
}
function relevantErrors(errors, value) {
  const anyOfPaths = new Set(
    errors.filter((e) => e.keyword === "anyOf").map((e) => e.instancePath)
  );
  return errors.filter((e) => {
    if (e.keyword === "anyOf") return false;
    for (const p of anyOfPaths) {
      if (e.instancePath !== p && !e.instancePath.startsWith(`${p}/`)) continue;
      const v = valueAt(value, pathOf(p));
      const isObject = typeof v === "object" && v !== null && !Array.isArray(v);
      const branchIsObject = /\/anyOf\/1\b/.test(e.schemaPath);
      if (e.instancePath === p && e.keyword === "type") {
        return !isObject && !branchIsObject && typeof v !== "string" ? e.params.type === "string" : false;
      }
      if (/\/anyOf\/\d+/.test(e.schemaPath) && isObject !== branchIsObject) {
        return false;
      }
    }
    return true;
  });
}
function toDiagnostic2(e, value, source) {
  const path34 = pathOf(e.instancePath);
  const where = formatPath2(path34) || "the manifest";
  const at = locatePath(source, path34);
  switch (e.keyword) {
    case "additionalProperties": {
      const key = String(e.params.additionalProperty);
      const parentSchema = e.parentSchema;
      const known = Object.keys(parentSchema?.properties ?? {});
      return errorAt(
        "unknown-key",
        `unknown key "${key}" in ${where};${didYouMean(key, known) || ` the keys are: ${known.join(", ")}.`}`,
        locateKey(source, [...path34, key]),
        { path: formatPath2([...path34, key]) }
      );
    }
    case "required":
      return errorAt(
        "missing-key",
        `${where} needs "${e.params.missingProperty}"; add it.`,
        at,
        { path: where }
      );
    case "type": {
      const got = describe2(valueAt(value, path34));
      const expected = String(e.params.type).split(",").map((t) => TYPE_WORDS[t] ?? `a ${t}`).join(" or ");
      const tableHint = /\.(inputs|outputs)\[\d+\]$/.test(where) ? ' (a table name, or a mapping with "name")' : "";
      return errorAt(
        "wrong-type",
        `${where} must be ${expected}${tableHint}, got ${got}.`,
        at,
        { path: where }
      );
    }
    case "minLength":
      return errorAt("empty-name", `${where} must not be empty.`, at, {
        path: where
      });
    case "pattern": {
      const got = JSON.stringify(valueAt(value, path34));
      const rule = /tableName/.test(e.schemaPath) ? "a table name without spaces" : /key/.test(e.schemaPath) ? 'letters, digits, "_" and "-" only' : `match ${e.params.pattern}`;
      return errorAt("bad-name", `${where} must be ${rule}, got ${got}.`, at, {
        path: where
      });
    }
    case "uniqueItems":
      return errorAt(
        "duplicate-item",
        `${where} lists the same value twice (items ${e.params.j} and ${e.params.i}); remove one.`,
        at,
        { path: where }
      );
    default:
      return errorAt("schema", `${where} ${e.message ?? "is not valid"}.`, at, {
        path: where
      });
  }
}
var TYPE_WORDS = {
  array: "a list",
  object: "a mapping",
  string: "a string",
  number: "a number",
  boolean: "true or false",
  null: "empty"
};
function describe2(v) {
  if (v === null || v === void 0) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${JSON.stringify(v)}`;
}

// src/manifest/parse.ts
function parseManifest(text2, file, root) {
  const { source, diagnostics } = parseYamlSource(text2, file);
  if (hasErrors(diagnostics)) return { diagnostics };
  const value = source.doc.toJS();
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      diagnostics: [
        errorAt(
          "wrong-type",
          'the manifest must be a mapping with "pipeline" and "flow"; see schemas/dtflw.schema.json.',
          { file, line: 1, column: 1 }
        )
      ]
    };
  }
  const shape = validateManifestShape(value, source);
  if (hasErrors(shape)) return { diagnostics: shape };
  const raw = value;
  const at = (p) => locatePath(source, p);
  const flow = (raw.flow ?? []).map(
    (s, i) => normaliseStep(s, i, source)
  );
  const sources = Object.entries(
    raw.sources ?? {}
  ).map(([name, s]) => ({
    name,
    ...typeof s?.description === "string" ? { description: s.description } : {},
    location: locateKey(source, ["sources", name])
  }));
  const manifest = {
    file,
    root,
    pipeline: String(raw.pipeline),
    promotion: raw.promotion ?? [],
    sources,
    flow,
    profilesDir: typeof raw.profiles === "string" ? raw.profiles : "profiles"
  };
  const problems = [
    ...checkKeys(flow),
    ...flow.flatMap((s) => checkParameterNames(s)),
    ...flow.flatMap((s) => checkNotebookPath(s, at))
  ];
  return { manifest, diagnostics: problems };
}
function normaliseStep(raw, index, source) {
  const base = ["flow", index];
  const at = (p) => locatePath(source, [...base, ...p]);
  const notebook = String(raw.notebook).replace(/\\/g, "/").replace(/^\.\//, "");
  const explicitKey = typeof raw.key === "string" ? raw.key : void 0;
  const key = explicitKey ?? path26.posix.basename(notebook).replace(/\.[^.]*$/, "");
  const args = Object.entries(raw.args ?? {}).map(
    ([name, v]) => ({ name, value: String(v), location: at(["args", name]) })
  );
  const inputs = (raw.inputs ?? []).map((v, i) => {
    const location = at(["inputs", i]);
    if (typeof v === "string") return { name: v, optional: false, location };
    const o = v;
    return {
      name: String(o.name),
      ...typeof o.source === "string" ? { source: o.source } : {},
      ...typeof o.path === "string" ? { path: o.path } : {},
      optional: o.optional === true,
      location
    };
  });
  const outputs = (raw.outputs ?? []).map(
    (v, i) => {
      const location = at(["outputs", i]);
      if (typeof v === "string") {
        return { name: v, alias: v, strict: false, location };
      }
      const o = v;
      const columns = o.columns ? Object.entries(o.columns).map(
        ([name, type]) => ({
          name,
          type: type === null ? null : String(type).trim().toLowerCase()
        })
      ) : void 0;
      return {
        name: String(o.name),
        alias: typeof o.alias === "string" ? o.alias : String(o.name),
        ...typeof o.path === "string" ? { path: o.path } : {},
        ...columns ? { columns } : {},
        strict: o.strict === true,
        location
      };
    }
  );
  return {
    index,
    key,
    keyLocation: explicitKey ? at(["key"]) : at(["notebook"]),
    notebook,
    notebookLocation: at(["notebook"]),
    args,
    inputs,
    outputs,
    location: at([])
  };
}
function checkKeys(flow) {
  const first = /* @__PURE__ */ new Map();
  const out = [];
  for (const step of flow) {
    const earlier = first.get(step.key);
    if (!earlier) {
      first.set(step.key, step);
      continue;
    }
    out.push(
      errorAt(
        "duplicate-key",
        `task key "${step.key}" is used by flow[${earlier.index}] (${formatLine(earlier.location)}) and flow[${step.index}]; give one of them a unique "key:".`,
        step.keyLocation,
        { path: `flow[${step.index}]` }
      )
    );
  }
  return out;
}
function checkParameterNames(step) {
  const seen = /* @__PURE__ */ new Map();
  const out = [];
  const claim = (param, what, location) => {
    const earlier = seen.get(param);
    if (earlier) {
      out.push(
        errorAt(
          "duplicate-parameter",
          `${what} gives step "${step.key}" a second parameter "${param}" (the first is at ${formatLine(earlier)}); rename one.`,
          location
        )
      );
    } else {
      seen.set(param, location);
    }
  };
  for (const a of step.args) claim(a.name, `argument "${a.name}"`, a.location);
  for (const i of step.inputs)
    claim(`${i.name}_in`, `input "${i.name}"`, i.location);
  for (const o of step.outputs)
    claim(`${o.name}_out`, `output "${o.name}"`, o.location);
  return out;
}
function checkNotebookPath(step, _at) {
  const p = step.notebook;
  if (path26.posix.isAbsolute(p) || p.split("/").includes("..")) {
    return [
      errorAt(
        "notebook-outside-repo",
        `notebook "${p}" must be a path inside the repository, relative to the manifest.`,
        step.notebookLocation,
        { path: formatPath2(["flow", step.index, "notebook"]) }
      )
    ];
  }
  if (!/\.(py|sql|ipynb|scala|r)$/i.test(p)) {
    return [
      errorAt(
        "notebook-extension",
        `notebook "${p}" must end in .py, .sql or .ipynb (a Databricks source notebook or a Jupyter export).`,
        step.notebookLocation
      )
    ];
  }
  return [];
}

// src/manifest/load.ts
init_diagnostics();
init_io();
import { readFile as readFile7 } from "node:fs/promises";
import path27 from "node:path";
async function readManifest(file, cwd) {
  const absolute = path27.resolve(cwd, file);
  let text2;
  try {
    text2 = await readFile7(absolute, "utf8");
  } catch {
    throw new UsageError(
      `manifest ${file} not found; run dtflw in the folder of dtflw.yaml or pass --manifest PATH.`
    );
  }
  const shown2 = toPosixRelative(cwd, absolute);
  const { manifest, diagnostics } = parseManifest(
    text2,
    shown2,
    path27.dirname(absolute)
  );
  if (!manifest) return { diagnostics };
  const missing = [];
  for (const step of manifest.flow) {
    if (!await pathExists(path27.join(manifest.root, step.notebook))) {
      missing.push(
        errorAt(
          "notebook-missing",
          `notebook "${step.notebook}" of step "${step.key}" does not exist; check the path (relative to ${shown2}).`,
          step.notebookLocation
        )
      );
    }
  }
  return { manifest, diagnostics: [...diagnostics, ...missing] };
}

// src/commands/project.ts
async function loadProject(manifestPath, cwd) {
  const { manifest, diagnostics } = await readManifest(manifestPath, cwd);
  const built = manifest ? buildFlow(manifest) : void 0;
  const all = [...diagnostics, ...built?.diagnostics ?? []];
  if (!manifest || !built?.flow || hasErrors(all)) {
    throw new InvalidConfigError(all);
  }
  return { manifest, flow: built.flow, warnings: all };
}
var DEPLOY_ONLY = ["workspace", "compute"];
var isDeployOnly = (leafPath) => DEPLOY_ONLY.some((p) => leafPath === p || leafPath.startsWith(`${p}.`));
async function loadOfflineProfile(project, name, deps, extra = {}) {
  const profile = await loadProjectProfile(project, name, deps, {
    ...extra,
    allowUnsetEnv: true
  });
  const unresolved = profile.leaves.filter((leaf) => leaf.unresolved);
  if (unresolved.some((leaf) => !isDeployOnly(leaf.path))) {
    await loadProjectProfile(project, name, deps, extra);
  }
  return { profile, warnings: unresolved.map(unsetForDeploy) };
}
function unsetForDeploy(leaf) {
  const names = leaf.env.length > 0 ? leaf.env.join(", ") : "a variable";
  return warningAt(
    "unset-for-deploy",
    `${leaf.path}: ${names} ${leaf.env.length > 1 ? "are" : "is"} not set; deploy and run need ${leaf.env.length > 1 ? "them" : "it"}: set ${names} in the environment or .env.`,
    leaf.from[0]
  );
}
async function loadProjectProfile(project, name, deps, extra = {}) {
  return loadProfile({
    root: project.manifest.root,
    profilesDir: project.manifest.profilesDir,
    name,
    context: {
      env: deps.env,
      pipeline: project.manifest.pipeline,
      gitSha: extra.gitSha,
      preview: extra.preview
    },
    allowUnsetEnv: extra.allowUnsetEnv
  });
}
var OFFLINE_COMMANDS = /* @__PURE__ */ new Set(["validate", "plan", "explain", "lineage"]);
async function loadPlan(request, deps) {
  const project = await loadProject(request.manifest, request.cwd);
  const gitSha = await tryReadGitSha(project.manifest.root, deps.env);
  const profileName = request.profile ?? await defaultProfile(project);
  const context = { gitSha, preview: request.preview };
  const { profile, warnings } = OFFLINE_COMMANDS.has(request.command) ? await loadOfflineProfile(project, profileName, deps, context) : {
    profile: await loadProjectProfile(project, profileName, deps, context),
    warnings: []
  };
  const env = deps.env;
  let plan = planFlow(project.flow, profile, { env, ...context });
  let changed;
  if (request.changedSince) {
    const found = await findChanged(project, plan, request, deps, gitSha);
    changed = found;
    plan = selectSteps(plan, found.selected);
    if (request.deferTo) {
      const other = await loadProjectProfile(
        project,
        request.deferTo,
        deps,
        context
      );
      plan = deferInputs(
        plan,
        planFlow(project.flow, other, { env, ...context })
      );
    }
  }
  if (request.select) plan = applySelection(plan, request.select);
  return {
    project,
    profile,
    warnings: [...project.warnings, ...warnings],
    plan,
    gitSha,
    changed
  };
}
async function defaultProfile(project) {
  const dir = path28.join(project.manifest.root, project.manifest.profilesDir);
  for (const ext of ["yaml", "yml"]) {
    if (await pathExists(path28.join(dir, `development.${ext}`)))
      return "development";
  }
  throw new UsageError('no profile "development" found; pass --profile NAME.');
}
async function findChanged(project, head, request, deps, gitSha) {
  const ref = request.changedSince;
  const base = await loadPlanAtRef(project, ref, request, deps, gitSha);
  const headPrints = await fingerprintSteps(
    head,
    (p) => readFile8(path28.join(project.manifest.root, p), "utf8")
  );
  const basePrints = base?.fingerprints ?? {};
  const diff = changedSteps(basePrints, headPrints);
  const start = [...diff.changed, ...diff.added];
  const selected = [...reachable(head, start, "downstream")].sort();
  return {
    base: ref,
    changed: [...diff.changed].sort(),
    added: [...diff.added].sort(),
    selected
  };
}
async function loadPlanAtRef(project, ref, request, deps, gitSha) {
  const checkout = await checkoutRefToTemp(project.manifest.root, ref);
  if ("error" in checkout) {
    throw new UsageError(`cannot read ${ref}: ${checkout.error}.`);
  }
  try {
    const manifestName = path28.relative(
      project.manifest.root,
      path28.resolve(request.cwd, request.manifest)
    );
    if (!await pathExists(path28.join(checkout.dir, manifestName))) {
      return void 0;
    }
    const base = await loadProject(manifestName, checkout.dir);
    const context = { preview: request.preview, gitSha };
    const profile = await loadProjectProfile(
      base,
      request.profile ?? "development",
      deps,
      { ...context, allowUnsetEnv: true }
    );
    const plan = planFlow(base.flow, profile, { env: deps.env, ...context });
    const fingerprints = await fingerprintSteps(
      plan,
      (p) => readFile8(path28.join(base.manifest.root, p), "utf8")
    );
    return { plan, fingerprints };
  } catch (error) {
    if (error instanceof UnknownProfileError) return void 0;
    if (error instanceof InvalidConfigError) {
      throw new UsageError(
        `the pipeline at ${ref} does not load (${error.diagnostics[0]?.summary ?? error.message}); pick a base where it is valid.`
      );
    }
    throw error;
  } finally {
    await rm6(checkout.top, { recursive: true, force: true });
  }
}

// src/commands/request.ts
init_diagnostics();
var COMMAND_NAMES = [
  "validate",
  "plan",
  "explain",
  "deploy",
  "run",
  "cleanup",
  "lineage"
];
var LINEAGE_FORMATS = [
  "markdown",
  "mermaid",
  "openlineage",
  "json"
];
var NEEDS_PROFILE = /* @__PURE__ */ new Set([
  "plan",
  "explain",
  "deploy",
  "run",
  "cleanup"
]);
var PREVIEW_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
var DURATION = /^([1-9][0-9]*)(s|m|h|d)$/;
var UNIT_MS = { s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
function parseDuration(text2) {
  const match = DURATION.exec(text2.trim());
  if (!match) return void 0;
  return Number(match[1]) * UNIT_MS[match[2]];
}
function checkRequest(request) {
  const name = request.command;
  if (NEEDS_PROFILE.has(name) && !request.profile) {
    throw new UsageError(
      `dtflw ${name} needs --profile NAME (e.g. --profile development).`
    );
  }
  if (request.deferTo && !request.changedSince) {
    throw new UsageError("--defer-to goes with --changed-since REF.");
  }
  if (request.preview !== void 0 && !PREVIEW_NAME.test(request.preview)) {
    throw new UsageError(
      `--preview must be 1 to 64 letters, digits, ".", "_" or "-" starting with a letter or digit (it names a workspace folder), got "${request.preview}".`
    );
  }
  if (request.parallelism !== void 0 && !(Number.isInteger(request.parallelism) && request.parallelism > 0)) {
    throw new UsageError(
      `--parallelism must be a positive whole number, got "${request.parallelism}".`
    );
  }
  if (request.format && !LINEAGE_FORMATS.includes(request.format)) {
    throw new UsageError(
      `--format must be one of ${LINEAGE_FORMATS.join(", ")}, got "${request.format}".`
    );
  }
  if (name === "cleanup") {
    if (request.preview === void 0 === (request.stale === void 0)) {
      throw new UsageError(
        "dtflw cleanup needs either --preview NAME (one preview) or --stale AGE (every preview older than AGE, e.g. 7d)."
      );
    }
    if (request.stale !== void 0 && !parseDuration(request.stale)) {
      throw new UsageError(
        `--stale must be a whole number with a unit s, m, h or d (e.g. 7d), got "${request.stale}".`
      );
    }
  }
}

// src/commands/cleanup.ts
async function runCleanup(request, deps) {
  const loaded2 = await loadPlan(request, deps);
  const engine = await engineFor(loaded2, deps);
  const result = await engine.cleanup(
    request.preview !== void 0 ? { preview: request.preview } : { olderThanMs: parseDuration(request.stale ?? "") ?? 0 }
  );
  return {
    exitCode: ExitCode.Success,
    diagnostics: loaded2.warnings,
    data: { kind: "cleanup", profile: loaded2.plan.profile, result }
  };
}

// src/commands/deploy.ts
init_diagnostics();
async function runDeploy(request, deps) {
  const loaded2 = await loadPlan(request, deps);
  const engine = await engineFor(loaded2, deps);
  const now = deps.now ?? (() => /* @__PURE__ */ new Date());
  const { plan } = loaded2;
  deps.onEvent?.({
    type: "deploy-started",
    at: now().toISOString(),
    engine: engine.name,
    notebooks: new Set(plan.steps.map((s) => s.notebook)).size
  });
  const result = await engine.deploy(plan, {
    preview: request.preview,
    signal: deps.signal,
    onProgress: deps.onProgress
  });
  deps.onEvent?.({ type: "deploy-finished", at: now().toISOString(), result });
  return {
    exitCode: ExitCode.Success,
    diagnostics: loaded2.warnings,
    data: {
      kind: "deploy",
      profile: plan.profile,
      ...request.preview ? { preview: request.preview } : {},
      result
    }
  };
}

// src/commands/explain.ts
init_diagnostics();
async function runExplain(request, deps) {
  const project = await loadProject(request.manifest, request.cwd);
  const profile = await loadProjectProfile(project, request.profile, deps, {
    preview: request.preview,
    allowUnsetEnv: true
  });
  const rows = explainProfile(profile);
  return {
    exitCode: ExitCode.Success,
    diagnostics: project.warnings,
    data: { kind: "explain", profile: profile.name, rows }
  };
}

// src/commands/lineage.ts
init_diagnostics();
import { readFile as readFile9 } from "node:fs/promises";
import path29 from "node:path";

// src/lineage/registry.ts
function stepId(key) {
  return `step:${key}`;
}
function tableId(key) {
  return `table:${key}`;
}
function createEdgeRegistry() {
  const byId = /* @__PURE__ */ new Map();
  const byStep = /* @__PURE__ */ new Map();
  return {
    add(edge) {
      const id = `${edge.from}\0${edge.to}\0${edge.kind}`;
      const existing = byId.get(id);
      if (existing) return existing;
      byId.set(id, edge);
      const step = edge.kind === "write" ? edge.from : edge.to;
      const list2 = byStep.get(step);
      if (list2) list2.push(edge);
      else byStep.set(step, [edge]);
      return edge;
    },
    ofStep: (id) => byStep.get(id) ?? [],
    all: () => [...byId.values()]
  };
}
function createTableRegistry() {
  const byName = /* @__PURE__ */ new Map();
  const byKey = /* @__PURE__ */ new Map();
  return {
    version(name, producer, kind, order) {
      const list2 = byName.get(name) ?? [];
      const found = list2.find((t) => t.producer === producer);
      if (found) return found;
      let key = list2.length === 0 ? name : `${name}@${producer ?? "source"}`;
      for (let n = 2; byKey.has(key); n++)
        key = `${name}@${producer ?? "source"}#${n}`;
      const draft = {
        key,
        name,
        kind,
        order,
        ...producer !== void 0 && { producer }
      };
      list2.push(draft);
      byName.set(name, list2);
      byKey.set(key, draft);
      return draft;
    },
    named: (name) => byName.get(name) ?? [],
    byId: (id) => byKey.get(id.slice("table:".length)),
    all: () => [...byKey.values()]
  };
}

// src/lineage/observe.ts
var NOT_RUN = /* @__PURE__ */ new Set(["skipped", "cancelled", "pending"]);
function observeStep(step, result, tables, edges, flags) {
  const key = step.key;
  const addEdge = edges.add;
  if (NOT_RUN.has(result.status)) {
    const why = result.skippedBecause ? ` (skipped because "${result.skippedBecause}" did not succeed)` : ` (${result.status})`;
    flags.push(
      flag("not-run", key, void 0, `step "${key}" did not run${why}`)
    );
  }
  const outgoing = (kind) => edges.ofStep(stepId(key)).filter((e) => e.kind === kind && e.declared);
  const declaredWrites = outgoing("write");
  const written = /* @__PURE__ */ new Set();
  for (const access2 of result.writes) {
    const output = step.outputs.find(
      (o) => o.param === access2.param || o.alias === access2.table || o.name === access2.table
    );
    const table = output ? tables.version(output.alias, key, "table", step.index) : tables.version(access2.table, key, "undeclared", step.index);
    table.location ??= access2.location;
    if (access2.rows !== void 0) table.rows = access2.rows;
    written.add(tableId(table.key));
    if (!output) {
      addEdge({
        from: stepId(key),
        to: tableId(table.key),
        kind: "write",
        declared: false,
        observed: true
      });
      flags.push(
        flag(
          "written-not-declared",
          key,
          access2.table,
          `step "${key}" wrote "${access2.table}", which it does not declare as an output`
        )
      );
    }
  }
  for (const edge of declaredWrites) {
    edge.observed = written.has(edge.to);
    if (!edge.observed && result.status === "succeeded") {
      const name = tables.byId(edge.to)?.name ?? edge.to;
      flags.push(
        flag(
          "declared-not-written",
          key,
          name,
          `step "${key}" succeeded but did not write its declared output "${name}"`
        )
      );
    }
  }
  if (result.reads.length === 0) return;
  const declaredReads = outgoing("read");
  const read = /* @__PURE__ */ new Set();
  for (const access2 of result.reads) {
    const input = step.inputs.find(
      (i) => i.param === access2.param || i.table === access2.table || i.name === access2.table
    );
    const table = input ? declaredReads.map((e) => tables.byId(e.from)).find((t) => t?.name === input.table) : readUndeclared(tables, access2, step.index);
    if (!table) continue;
    table.location ??= access2.location;
    if (table.kind === "source" && access2.rows !== void 0)
      table.rows ??= access2.rows;
    read.add(tableId(table.key));
    if (!input) {
      addEdge({
        from: tableId(table.key),
        to: stepId(key),
        kind: "read",
        declared: false,
        observed: true
      });
      flags.push(
        flag(
          "read-not-declared",
          key,
          access2.table,
          `step "${key}" read "${access2.table}", which it does not declare as an input`
        )
      );
    }
  }
  for (const edge of declaredReads) edge.observed = read.has(edge.from);
}
function readUndeclared(tables, access2, index) {
  const earlier = tables.named(access2.table).filter((t) => t.order < index).sort((a, b) => b.order - a.order);
  return earlier[0] ?? tables.version(access2.table, void 0, "undeclared", -1);
}
function flag(kind, step, table, message) {
  return { kind, step, ...table !== void 0 && { table }, message };
}

// src/lineage/order.ts
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function sortedUnique(values) {
  return [...new Set(values)].sort(compareText);
}
function appendTo(map, key, value) {
  const list2 = map.get(key);
  if (list2) list2.push(value);
  else map.set(key, [value]);
}

// src/lineage/build.ts
var FLAG_ORDER = [
  "not-run",
  "declared-not-written",
  "written-not-declared",
  "read-not-declared",
  "not-planned"
];
function buildLineage(plan, report2, options = {}) {
  const planned = new Map(plan.steps.map((s) => [s.key, s]));
  const steps = [...plan.steps].sort(
    (a, b) => a.index - b.index || compareText(a.key, b.key)
  );
  const tables = createTableRegistry();
  const edges = createEdgeRegistry();
  const addEdge = edges.add;
  for (const step of steps) {
    for (const input of step.inputs) {
      const table = inputVersion(tables, plan, planned, input);
      if (table) {
        addEdge({
          from: tableId(table.key),
          to: stepId(step.key),
          kind: "read",
          declared: true
        });
      }
    }
    for (const output of step.outputs) {
      const table = tables.version(output.alias, step.key, "table", step.index);
      table.location ??= output.location;
      table.columns ??= output.columns;
      addEdge({
        from: stepId(step.key),
        to: tableId(table.key),
        kind: "write",
        declared: true
      });
    }
  }
  const flags = [];
  const results = new Map(report2?.steps.map((r) => [r.key, r]) ?? []);
  if (report2) {
    for (const step of steps) {
      const result = results.get(step.key);
      if (!result) {
        flags.push(
          flag(
            "not-run",
            step.key,
            void 0,
            `step "${step.key}" is not in the run report`
          )
        );
        continue;
      }
      observeStep(step, result, tables, edges, flags);
    }
    for (const result of report2.steps) {
      if (!planned.has(result.key)) {
        flags.push(
          flag(
            "not-planned",
            result.key,
            void 0,
            `the run report has step "${result.key}", which the plan does not`
          )
        );
      }
    }
  }
  const stepOrder = new Map(steps.map((s, i) => [s.key, i]));
  return {
    schemaVersion: 1,
    pipeline: plan.pipeline,
    profile: plan.profile,
    engine: plan.engine,
    steps: steps.map((s) => toLineageStep(s, results.get(s.key), options)),
    tables: tables.all().sort((a, b) => compareText(a.key, b.key)).map(toLineageTable),
    edges: edges.all().sort(
      (a, b) => compareText(a.from, b.from) || compareText(a.to, b.to) || compareText(a.kind, b.kind)
    ).map((e) => ({ ...e })),
    flags: flags.sort(
      (a, b) => (stepOrder.get(a.step) ?? Infinity) - (stepOrder.get(b.step) ?? Infinity) || compareText(a.step, b.step) || FLAG_ORDER.indexOf(a.kind) - FLAG_ORDER.indexOf(b.kind) || compareText(a.table ?? "", b.table ?? "")
    ),
    excluded: [...plan.excluded].sort(compareText),
    ...report2 && {
      run: {
        runId: report2.runId,
        status: report2.status,
        startedAt: report2.startedAt,
        finishedAt: report2.finishedAt,
        durationMs: report2.durationMs,
        ...report2.gitSha !== void 0 && { gitSha: report2.gitSha }
      }
    }
  };
}
function inputVersion(tables, plan, planned, input) {
  if (input.producer !== void 0) {
    const producer = planned.get(input.producer);
    if (producer)
      return tables.version(input.table, producer.key, "table", producer.index);
    const deferred = tables.version(input.table, input.producer, "deferred", -1);
    deferred.location ??= input.location;
    return deferred;
  }
  const location = input.location ?? plan.sources.find((s) => s.name === input.table)?.location;
  if (!input.isSource && location === void 0) return void 0;
  const source = tables.version(input.table, void 0, "source", -1);
  source.location ??= location;
  return source;
}
function toLineageStep(step, result, options) {
  const fingerprint2 = options.fingerprints?.[step.key];
  return {
    id: stepId(step.key),
    key: step.key,
    index: step.index,
    notebook: step.notebook,
    args: { ...step.args },
    dependsOn: [...step.dependsOn].sort(compareText),
    ...fingerprint2 !== void 0 && { fingerprint: fingerprint2 },
    ...result && {
      status: result.status,
      ...result.durationMs !== void 0 && { durationMs: result.durationMs },
      ...result.runUrl !== void 0 && { runUrl: result.runUrl },
      ...result.error && { error: result.error.message }
    }
  };
}
function toLineageTable(t) {
  return {
    id: tableId(t.key),
    key: t.key,
    name: t.name,
    kind: t.kind,
    ...t.producer !== void 0 && { producer: t.producer },
    ...t.location !== void 0 && { location: t.location },
    ...t.columns !== void 0 && { columns: t.columns },
    ...t.rows !== void 0 && { rows: t.rows }
  };
}

// src/lineage/diff.ts
init_io();

// src/lineage/graph.ts
function adjacency(edges) {
  const next = /* @__PURE__ */ new Map();
  const previous = /* @__PURE__ */ new Map();
  for (const e of edges) {
    appendTo(next, e.from, e.to);
    appendTo(previous, e.to, e.from);
  }
  return { next, previous };
}
function downstream(graph, seeds) {
  const seen = new Set(seeds);
  const queue = [...seen];
  for (let i = 0; i < queue.length; i++) {
    for (const n of graph.next.get(queue[i]) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}
function downstreamDepths(graph, seeds) {
  const depth = /* @__PURE__ */ new Map();
  const queue = [];
  for (const s of seeds) {
    if (!depth.has(s)) {
      depth.set(s, 0);
      queue.push(s);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const d = depth.get(queue[i]) + 1;
    for (const n of graph.next.get(queue[i]) ?? []) {
      if (!depth.has(n)) {
        depth.set(n, d);
        queue.push(n);
      }
    }
  }
  return depth;
}
function neighbourhood(graph, nodes, radius) {
  const seen = new Set(nodes);
  let frontier = [...seen];
  for (let r = 0; r < radius; r++) {
    const nextFrontier = [];
    for (const id of frontier) {
      for (const n of [
        ...graph.next.get(id) ?? [],
        ...graph.previous.get(id) ?? []
      ]) {
        if (!seen.has(n)) {
          seen.add(n);
          nextFrontier.push(n);
        }
      }
    }
    frontier = nextFrontier;
  }
  return seen;
}

// src/lineage/diff.ts
function diffLineage(base, head, changedKeys = []) {
  const named = new Set(changedKeys);
  const steps = compareNodes(
    base.steps,
    head.steps,
    (s) => s.key,
    (b, h) => named.has(h.key) || b.fingerprint !== void 0 && h.fingerprint !== void 0 && b.fingerprint !== h.fingerprint || b.notebook !== h.notebook || stableStringify(b.args) !== stableStringify(h.args)
  );
  const tables = compareNodes(
    base.tables.filter(isDeclared),
    head.tables.filter(isDeclared),
    (t) => t.key,
    (b, h) => b.kind !== h.kind || stableStringify(b.location ?? null) !== stableStringify(h.location ?? null) || stableStringify(b.columns ?? null) !== stableStringify(h.columns ?? null)
  );
  const baseIds = /* @__PURE__ */ new Set([
    ...base.steps.map((s) => s.id),
    ...base.tables.map((t) => t.id)
  ]);
  const headIds = /* @__PURE__ */ new Set([
    ...head.steps.map((s) => s.id),
    ...head.tables.map((t) => t.id)
  ]);
  const baseEdges = declaredEdges(base.edges);
  const headEdges = declaredEdges(head.edges);
  const bothSides = (e) => baseIds.has(e.from) && baseIds.has(e.to) && headIds.has(e.from) && headIds.has(e.to);
  const toDiffEdge = (e) => ({
    from: e.from,
    to: e.to,
    kind: e.kind,
    rewired: bothSides(e)
  });
  const added = [...headEdges].filter(([id]) => !baseEdges.has(id)).map(([, e]) => toDiffEdge(e));
  const removed = [...baseEdges].filter(([id]) => !headEdges.has(id)).map(([, e]) => toDiffEdge(e));
  const own = /* @__PURE__ */ new Set([
    ...[...steps.added, ...steps.changed].map((k) => `step:${k}`),
    ...[...tables.added, ...tables.changed].map((k) => `table:${k}`)
  ]);
  const seeds = [
    ...own,
    ...[...added, ...removed].map((e) => e.to).filter((id) => headIds.has(id))
  ];
  const reached = downstream(adjacency(headEdges.values()), seeds);
  const impacted = [...reached].filter((id) => !own.has(id));
  const goneSteps = new Set(steps.removed);
  const goneTables = new Set(tables.removed);
  return {
    steps: {
      added: steps.added,
      removed: steps.removed,
      changed: steps.changed
    },
    tables: {
      added: tables.added,
      removed: tables.removed,
      changed: tables.changed
    },
    edges: { added: added.sort(byEnds), removed: removed.sort(byEnds) },
    impacted: {
      steps: sortedUnique(
        impacted.filter((id) => id.startsWith("step:")).map((id) => id.slice(5))
      ),
      tables: sortedUnique(
        impacted.filter((id) => id.startsWith("table:")).map((id) => id.slice(6))
      )
    },
    removedNodes: {
      steps: base.steps.filter((s) => goneSteps.has(s.key)),
      tables: base.tables.filter((t) => goneTables.has(t.key))
    }
  };
}
function isDeclared(t) {
  return t.kind !== "undeclared";
}
function declaredEdges(edges) {
  return new Map(
    edges.filter((e) => e.declared).map((e) => [`${e.from}\0${e.to}\0${e.kind}`, e])
  );
}
function byEnds(a, b) {
  return compareText(a.from, b.from) || compareText(a.to, b.to);
}
function compareNodes(base, head, keyOf, differs) {
  const before = new Map(base.map((n) => [keyOf(n), n]));
  const after = new Map(head.map((n) => [keyOf(n), n]));
  const added = [];
  const changed = [];
  for (const [key, node] of after) {
    const old = before.get(key);
    if (!old) added.push(key);
    else if (differs(old, node)) changed.push(key);
  }
  const removed = [...before.keys()].filter((k) => !after.has(k));
  return {
    added: added.sort(compareText),
    removed: removed.sort(compareText),
    changed: changed.sort(compareText)
  };
}

// src/lineage/text.ts
function escapeMermaidLabel(text2) {
  return text2.replace(/[#"<>&`%\u0000-\u001f\u007f]/g, (ch) => {
    switch (ch) {
      case '"':
        return "#quot;";
      case "<":
        return "#lt;";
      case ">":
        return "#gt;";
      case "&":
        return "#amp;";
      default:
        return ch.charCodeAt(0) < 32 || ch === "\x7F" ? " " : `#${ch.charCodeAt(0)};`;
    }
  });
}
function code(text2) {
  const flat = text2.replace(/[\r\n\u0000-\u001f]+/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = longest > 0 || flat.startsWith(" ") || flat.endsWith(" ") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
function codeCell(text2) {
  return code(text2).replace(/\|/g, "\\|");
}
function formatCount(n) {
  const sign = n < 0 ? "-" : "";
  const digits = String(Math.trunc(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+$)/g, ",");
}
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  if (ms < 6e4) return `${(ms / 1e3).toFixed(1)} s`;
  const total = Math.round(ms / 1e3);
  const h = Math.floor(total / 3600);
  const m = Math.floor(total % 3600 / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h} h ${String(m).padStart(2, "0")} min` : `${m} min ${s} s`;
}
function utf8Length(text2) {
  let bytes = 0;
  for (let i = 0; i < text2.length; i++) {
    const c = text2.charCodeAt(i);
    if (c < 128) bytes += 1;
    else if (c < 2048) bytes += 2;
    else if (c >= 55296 && c <= 56319 && i + 1 < text2.length) {
      const d = text2.charCodeAt(i + 1);
      if (d >= 56320 && d <= 57343) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
function fitsBudget(text2, budget) {
  return text2.length <= budget && utf8Length(text2) <= budget;
}
function safeUrl(url) {
  return url.replace(
    /[\s()|<>]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`
  );
}

// src/lineage/mermaid-draw.ts
var CLASS_DEFS = [
  ["source", "fill:#f6f8fa,stroke:#8c959f,color:#1f2328"],
  [
    "deferred",
    "fill:#fbefff,stroke:#8250df,stroke-dasharray:4 2,color:#1f2328"
  ],
  [
    "undeclared",
    "fill:#fff8c5,stroke:#bf8700,stroke-dasharray:2 2,color:#1f2328"
  ],
  [
    "impacted",
    "fill:#ddf4ff,stroke:#0969da,stroke-dasharray:4 2,color:#1f2328"
  ],
  ["changed", "fill:#fff1cc,stroke:#ffa502,stroke-width:3px,color:#1f2328"],
  ["added", "fill:#dafbe1,stroke:#1dce00,stroke-width:3px,color:#1f2328"],
  ["removed", "fill:#ffebf1,stroke:#ff067e,stroke-dasharray:5 3,color:#1f2328"],
  ["notrun", "fill:#eaeef2,stroke:#8c959f,stroke-dasharray:2 2,color:#57606a"],
  ["failed", "fill:#ffebe9,stroke:#cf222e,stroke-width:3px,color:#1f2328"]
];
var LINK_STYLES = [
  ["added", "stroke:#1dce00,stroke-width:3px"],
  ["removed", "stroke:#ff067e,stroke-width:2px"],
  ["undeclared", "stroke:#bf8700,stroke-width:2px"]
];
var ARROWS = {
  normal: "-->",
  added: "==>",
  removed: "-.-x",
  undeclared: "-.->|undeclared|"
};
function drawable(lineage, diff) {
  const steps = [...lineage.steps, ...diff?.removedNodes.steps ?? []];
  const tables = [...lineage.tables, ...diff?.removedNodes.tables ?? []];
  const ids = /* @__PURE__ */ new Map();
  steps.forEach((s, i) => ids.set(s.id, `s${i}`));
  tables.forEach((t, i) => ids.set(t.id, `t${i}`));
  const marks = /* @__PURE__ */ new Map();
  const mark = (id, cls) => appendTo(marks, id, cls);
  if (diff) {
    for (const k of diff.impacted.steps) mark(`step:${k}`, "impacted");
    for (const k of diff.impacted.tables) mark(`table:${k}`, "impacted");
    for (const k of diff.steps.changed) mark(`step:${k}`, "changed");
    for (const k of diff.tables.changed) mark(`table:${k}`, "changed");
    for (const k of diff.steps.added) mark(`step:${k}`, "added");
    for (const k of diff.tables.added) mark(`table:${k}`, "added");
    for (const k of diff.steps.removed) mark(`step:${k}`, "removed");
    for (const k of diff.tables.removed) mark(`table:${k}`, "removed");
  }
  const stepNode = (s) => {
    const classes = [...marks.get(s.id) ?? []];
    if (s.status === "failed") classes.push("failed");
    else if (s.status === "skipped" || s.status === "cancelled" || s.status === "pending") {
      classes.push("notrun");
    }
    const state = s.status && s.status !== "succeeded" ? `<br/>${s.status}` : "";
    return {
      id: s.id,
      mermaidId: ids.get(s.id),
      line: `${ids.get(s.id)}["${escapeMermaidLabel(s.key)}${state}"]`,
      classes
    };
  };
  const tableNode = (t) => {
    const classes = [...marks.get(t.id) ?? []];
    if (t.kind !== "table") classes.unshift(t.kind);
    const rows = t.rows !== void 0 ? `<br/>${formatCount(t.rows)} row${t.rows === 1 ? "" : "s"}` : "";
    return {
      id: t.id,
      mermaidId: ids.get(t.id),
      line: `${ids.get(t.id)}[("${escapeMermaidLabel(t.key)}${rows}")]`,
      classes
    };
  };
  const byId = /* @__PURE__ */ new Map();
  for (const s of steps) byId.set(s.id, stepNode(s));
  for (const t of tables) byId.set(t.id, tableNode(t));
  const allEdges = [
    ...lineage.edges,
    ...diff?.edges.removed.map((e) => ({ ...e, declared: true })) ?? []
  ];
  const inputsOf = /* @__PURE__ */ new Map();
  const outputsOf = /* @__PURE__ */ new Map();
  for (const e of allEdges) {
    const [map, step, table] = e.kind === "read" ? [inputsOf, e.to, e.from] : [outputsOf, e.from, e.to];
    appendTo(map, step, table);
  }
  const ordered = [];
  const placed = /* @__PURE__ */ new Set();
  const place = (id) => {
    const node = byId.get(id);
    if (node && !placed.has(id)) {
      placed.add(id);
      ordered.push(node);
    }
  };
  for (const s of steps) {
    for (const t of inputsOf.get(s.id) ?? []) place(t);
    place(s.id);
    for (const t of outputsOf.get(s.id) ?? []) place(t);
  }
  for (const t of tables) place(t.id);
  const added = new Set(diff?.edges.added.map((e) => `${e.from}\0${e.to}`));
  const drawn = [
    ...lineage.edges.map((e) => ({
      from: e.from,
      to: e.to,
      style: !e.declared ? "undeclared" : added.has(`${e.from}\0${e.to}`) ? "added" : "normal"
    })),
    ...diff?.edges.removed.map((e) => ({
      from: e.from,
      to: e.to,
      style: "removed"
    })) ?? []
  ];
  const position = new Map(ordered.map((n, i) => [n.id, i]));
  const sortKey = (e) => {
    const read = e.to.startsWith("step:");
    const step = position.get(read ? e.to : e.from) ?? 0;
    const table = position.get(read ? e.from : e.to) ?? 0;
    return [step, read ? 0 : 1, table];
  };
  const edges = drawn.filter((e) => ids.has(e.from) && ids.has(e.to)).map((e) => ({ e, k: sortKey(e) })).sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2]).map(({ e }) => e);
  return { nodes: ordered, edges, ids };
}
function mermaidText(direction, nodes, edges, ids) {
  const lines = [`flowchart ${direction}`];
  for (const n of nodes) lines.push(`  ${n.line}`);
  for (const e of edges) {
    lines.push(`  ${ids.get(e.from)} ${ARROWS[e.style]} ${ids.get(e.to)}`);
  }
  const members = /* @__PURE__ */ new Map();
  for (const n of nodes) {
    for (const c of n.classes) {
      appendTo(members, c, n.mermaidId);
    }
  }
  for (const [name, style] of CLASS_DEFS) {
    if (members.has(name)) lines.push(`  classDef ${name} ${style}`);
  }
  for (const [name] of CLASS_DEFS) {
    const list2 = members.get(name);
    if (list2) lines.push(`  class ${list2.join(",")} ${name}`);
  }
  const styled = /* @__PURE__ */ new Map();
  edges.forEach((e, i) => appendTo(styled, e.style, i));
  for (const [style, css] of LINK_STYLES) {
    const list2 = styled.get(style);
    if (list2) lines.push(`  linkStyle ${list2.join(",")} ${css}`);
  }
  return lines.join("\n") + "\n";
}

// src/lineage/mermaid.ts
var MERMAID_MAX_CHARS = 5e4;
var MERMAID_MAX_EDGES = 500;
function renderMermaid(lineage, options = {}) {
  const maxChars = options.maxChars ?? MERMAID_MAX_CHARS;
  const maxEdges = options.maxEdges ?? MERMAID_MAX_EDGES;
  const graph = drawable(lineage, options.diff);
  const direction = options.direction ?? "LR";
  const attempt = (keep) => {
    const edges = keep ? graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to)) : graph.edges;
    if (edges.length > maxEdges) return void 0;
    const nodes = keep ? graph.nodes.filter((n) => keep.has(n.id)) : graph.nodes;
    const text2 = mermaidText(direction, nodes, edges, graph.ids);
    return text2.length <= maxChars ? { text: text2, nodes: nodes.length, edges: edges.length } : void 0;
  };
  const totalNodes = graph.nodes.length;
  if (options.level !== "changed") {
    const full = attempt();
    if (full) return { ...full, level: "full", totalNodes };
  }
  const focus = focusOf(lineage, options.diff);
  if (focus.core.size > 0) {
    const adj = adjacency(graph.edges);
    for (const keep of [neighbourhood(adj, focus.wide, 1), focus.wide]) {
      const shown3 = attempt(keep);
      if (shown3) return { ...shown3, level: "changed", totalNodes };
    }
    const context = neighbourhood(adj, focus.core, 1);
    const depths = downstreamDepths(adj, focus.core);
    const within = (d) => attempt(
      /* @__PURE__ */ new Set([
        ...context,
        ...[...depths].filter(([, k]) => k <= d).map(([id]) => id)
      ])
    );
    let best = within(1);
    let low = 2;
    let high = 1;
    for (const d of depths.values()) high = Math.max(high, d);
    while (best && low <= high) {
      const mid = Math.floor((low + high) / 2);
      const shown3 = within(mid);
      if (shown3) {
        best = shown3;
        low = mid + 1;
      } else high = mid - 1;
    }
    const shown2 = best ?? attempt(focus.core);
    if (shown2) return { ...shown2, level: "changed", totalNodes };
  }
  return { text: "", level: "none", nodes: 0, edges: 0, totalNodes };
}
function focusOf(lineage, diff) {
  if (diff) {
    const core2 = /* @__PURE__ */ new Set([
      ...[
        ...diff.steps.added,
        ...diff.steps.changed,
        ...diff.steps.removed
      ].map((k) => `step:${k}`),
      ...[
        ...diff.tables.added,
        ...diff.tables.changed,
        ...diff.tables.removed
      ].map((k) => `table:${k}`),
      ...[...diff.edges.added, ...diff.edges.removed].flatMap((e) => [
        e.from,
        e.to
      ])
    ]);
    const wide = /* @__PURE__ */ new Set([
      ...core2,
      ...diff.impacted.steps.map((k) => `step:${k}`),
      ...diff.impacted.tables.map((k) => `table:${k}`)
    ]);
    return { core: core2, wide };
  }
  const tablesByName = /* @__PURE__ */ new Map();
  for (const t of lineage.tables) {
    appendTo(tablesByName, t.name, t.id);
  }
  const core = /* @__PURE__ */ new Set([
    ...lineage.steps.filter(
      (s) => s.status !== void 0 && s.status !== "succeeded" && s.status !== "lazy"
    ).map((s) => s.id),
    ...lineage.flags.flatMap((f) => [
      `step:${f.step}`,
      ...f.table !== void 0 ? tablesByName.get(f.table) ?? [] : []
    ])
  ]);
  return { core, wide: core };
}

// src/lineage/markdown-tables.ts
var STATUS = {
  succeeded: "\u2705 succeeded",
  failed: "\u274C failed",
  skipped: "\u23ED\uFE0F skipped",
  lazy: "\u{1F4A4} lazy",
  cancelled: "\u26D4 cancelled",
  pending: "\u23F3 pending"
};
function renderStepTable(lineage, options, changes) {
  const { diff } = options;
  const observed = lineage.run !== void 0;
  const all = [
    ...lineage.steps,
    ...diff?.removedNodes.steps.map((s) => ({
      ...s,
      removed: true
    })) ?? []
  ];
  const listed = all.filter((s) => !options.only || options.only.has(s.id));
  const columns = [
    ["step", (s) => codeCell(s.key)],
    ["notebook", (s) => codeCell(s.notebook)],
    ...observed ? [
      [
        "status",
        (s) => s.status ? s.runUrl ? `[${STATUS[s.status]}](${safeUrl(s.runUrl)})` : STATUS[s.status] : ""
      ],
      [
        "duration",
        (s) => s.durationMs !== void 0 ? formatDuration(s.durationMs) : ""
      ]
    ] : [],
    ...diff ? [
      ["change", (s) => s.removed ? "removed" : changes.get(s.id) ?? ""]
    ] : []
  ];
  return section("Steps", columns, listed, all.length, options);
}
function renderTableTable(lineage, options, changes) {
  const { diff } = options;
  const stepIndex = new Map(
    [...lineage.steps, ...diff?.removedNodes.steps ?? []].map((s) => [
      s.key,
      s.index
    ])
  );
  const rank = (t) => t.kind === "source" ? -1 : stepIndex.get(t.producer ?? "") ?? -1;
  const all = [
    ...lineage.tables,
    ...diff?.removedNodes.tables.map((t) => ({
      ...t,
      removed: true
    })) ?? []
  ].sort((a, b) => rank(a) - rank(b) || compareText(a.key, b.key));
  const listed = all.filter((t) => !options.only || options.only.has(t.id));
  const columns = [
    ["table", (t) => codeCell(t.key)],
    [
      "location",
      (t) => t.location ? codeCell(locationValue(t.location)) : ""
    ],
    ["written by", writer],
    ...lineage.run ? [
      ["rows", (t) => t.rows !== void 0 ? formatCount(t.rows) : ""]
    ] : [],
    ...diff ? [
      ["change", (t) => t.removed ? "removed" : changes.get(t.id) ?? ""]
    ] : []
  ];
  return section("Tables", columns, listed, all.length, options);
}
function section(title, columns, listed, total, options) {
  const shown2 = listed.slice(0, options.maxRows ?? Infinity);
  const count = listed.length === total ? formatCount(total) : `${formatCount(listed.length)} of ${formatCount(total)}`;
  const lines = [
    `#### ${title} (${count})`,
    "",
    `| ${columns.map(([name]) => name).join(" | ")} |`,
    `| ${columns.map(() => "---").join(" | ")} |`,
    ...shown2.map(
      (row) => `| ${columns.map(([, cell]) => cell(row)).join(" | ")} |`
    )
  ];
  const more = listed.length - shown2.length;
  if (more > 0) {
    lines.push(
      "",
      `\u2026 and ${formatCount(more)} more` + (options.link ? ` in the [full lineage](${safeUrl(options.link)}).` : ".")
    );
  }
  return lines.join("\n");
}
function writer(t) {
  switch (t.kind) {
    case "source":
      return "source";
    case "deferred":
      return `deferred (${codeCell(t.producer ?? "")})`;
    case "undeclared":
      return `${codeCell(t.producer ?? "")}, undeclared`;
    default:
      return codeCell(t.producer ?? "");
  }
}

// src/lineage/markdown.ts
var IMPACTED_NAMED = 20;
var FLAG_TEXT = {
  "declared-not-written": "declared output not written",
  "written-not-declared": "wrote a table it does not declare",
  "read-not-declared": "read a table it does not declare",
  "not-run": "did not run",
  "not-planned": "ran but is not in the plan"
};
function renderMarkdown(lineage, options = {}) {
  const { diff } = options;
  const mermaid = options.mermaid === void 0 ? renderMermaid(lineage, { diff }).text : options.mermaid;
  const parts = [
    `### Lineage of ${code(lineage.pipeline)} on ${code(lineage.profile)}`,
    renderCounts(lineage, diff)
  ];
  if (options.note) parts.push(options.note);
  if (mermaid) parts.push("```mermaid\n" + mermaid + "```", legend(diff));
  if (diff)
    parts.push(renderDiffSection(diff, options.baseRef, options.maxRows));
  if (lineage.flags.length > 0)
    parts.push(renderFlags(lineage, options.maxRows));
  const changes = changeMap(diff);
  parts.push(
    renderStepTable(lineage, options, changes),
    renderTableTable(lineage, options, changes)
  );
  return parts.join("\n\n") + "\n";
}
function renderCounts(lineage, diff) {
  const sources = lineage.tables.filter((t) => t.kind === "source").length;
  const items = [
    plural(lineage.steps.length, "step"),
    `${plural(lineage.tables.length, "table")}` + (sources > 0 ? ` (${plural(sources, "source")})` : "")
  ];
  if (diff) {
    const changed = [diff.steps, diff.tables].reduce(
      (n, c) => n + c.added.length + c.removed.length + c.changed.length,
      0
    );
    const rewired = [...diff.edges.added, ...diff.edges.removed].filter(
      (e) => e.rewired
    ).length;
    items.push(`${formatCount(changed)} changed`);
    if (rewired > 0) items.push(plural(rewired, "rewired edge"));
    items.push(
      `${formatCount(diff.impacted.steps.length + diff.impacted.tables.length)} impacted`
    );
  }
  if (lineage.run) items.push(`run ${lineage.run.status}`);
  if (lineage.run) {
    items.push(
      lineage.flags.length === 0 ? "no flags" : plural(lineage.flags.length, "flag")
    );
  }
  return items.join(" \xB7 ");
}
function renderDiffSection(diff, baseRef, maxRows = Infinity) {
  const title = `#### Changes against ${baseRef ? code(baseRef) : "the base"}`;
  const rows = [];
  const nodeRows = (kind, changes) => {
    for (const k of changes.added)
      rows.push(`| added | ${kind} | ${codeCell(k)} |`);
    for (const k of changes.removed)
      rows.push(`| removed | ${kind} | ${codeCell(k)} |`);
    for (const k of changes.changed)
      rows.push(`| changed | ${kind} | ${codeCell(k)} |`);
  };
  nodeRows("step", diff.steps);
  nodeRows("table", diff.tables);
  for (const [change, edges] of [
    ["added", diff.edges.added],
    ["removed", diff.edges.removed]
  ]) {
    for (const e of edges) {
      rows.push(
        `| ${change} | ${e.rewired ? "edge, rewired" : "edge"} | ${codeCell(nodeName(e.from))} \u2192 ${codeCell(nodeName(e.to))} |`
      );
    }
  }
  if (rows.length === 0) return `${title}

No lineage changes.`;
  const shown2 = rows.slice(0, maxRows);
  const impacted = [
    ...diff.impacted.steps.map((k) => `step ${code(k)}`),
    ...diff.impacted.tables.map((k) => `table ${code(k)}`)
  ];
  const named = impacted.slice(0, IMPACTED_NAMED);
  return [
    title,
    "",
    "| change | kind | name |",
    "| --- | --- | --- |",
    ...shown2,
    ...shown2.length < rows.length ? ["", `\u2026 and ${formatCount(rows.length - shown2.length)} more changes.`] : [],
    "",
    impacted.length === 0 ? "Nothing downstream is impacted." : `Impacted downstream: ${named.join(", ")}` + (impacted.length > named.length ? ` and ${formatCount(impacted.length - named.length)} more.` : ".")
  ].join("\n");
}
function renderFlags(lineage, maxRows = Infinity) {
  const shown2 = lineage.flags.slice(0, maxRows);
  const more = lineage.flags.length - shown2.length;
  return [
    "#### Flags",
    "",
    ...shown2.map(
      (f) => `- \u26A0\uFE0F ${FLAG_TEXT[f.kind]}: step ${code(f.step)}` + (f.table !== void 0 ? `, table ${code(f.table)}` : "")
    ),
    ...more > 0 ? [`- \u2026 and ${formatCount(more)} more.`] : []
  ].join("\n");
}
function changeMap(diff) {
  const map = /* @__PURE__ */ new Map();
  if (!diff) return map;
  const set = (ids, prefix, change) => {
    for (const k of ids)
      if (!map.has(`${prefix}${k}`)) map.set(`${prefix}${k}`, change);
  };
  set(diff.steps.added, "step:", "added");
  set(diff.steps.changed, "step:", "changed");
  set(diff.impacted.steps, "step:", "impacted");
  set(diff.tables.added, "table:", "added");
  set(diff.tables.changed, "table:", "changed");
  set(diff.impacted.tables, "table:", "impacted");
  return map;
}
function legend(diff) {
  const parts = [
    "Rectangles are notebooks, cylinders are tables; grey cylinders are sources."
  ];
  if (diff) {
    const any = (c) => diff.steps[c].length + diff.tables[c].length > 0;
    const colours = [
      any("changed") && "orange: changed",
      any("added") && "green: added",
      any("removed") && "red, dashed: removed",
      diff.impacted.steps.length + diff.impacted.tables.length > 0 && "blue, dashed: impacted downstream"
    ].filter(Boolean);
    const arrows = [
      diff.edges.added.length > 0 && "green arrow: new edge",
      diff.edges.removed.length > 0 && "pink dotted line ending in \u2715: removed edge"
    ].filter(Boolean);
    if (colours.length > 0) parts.push(capitalise(colours.join(" \xB7 ")) + ".");
    if (arrows.length > 0) parts.push(capitalise(arrows.join(" \xB7 ")) + ".");
  }
  return `<sub>${parts.join(" ")}</sub>`;
}
function capitalise(text2) {
  return text2.charAt(0).toUpperCase() + text2.slice(1);
}
function nodeName(id) {
  return id.slice(id.indexOf(":") + 1);
}
function plural(n, word2) {
  return `${formatCount(n)} ${word2}${n === 1 ? "" : "s"}`;
}

// src/lineage/summary.ts
var COMMENT_MAX_CHARS = 65536;
var FEW_ROWS = 10;
var LEVELS = ["full", "changed", "table", "counts"];
function renderLineageSummary(lineage, options = {}) {
  const budget = options.budget ?? COMMENT_MAX_CHARS;
  const { diff, baseRef, link: link2 } = options;
  const maxRows = options.maxRows ?? 100;
  const mermaidLimits = {
    diff,
    maxChars: options.maxMermaidChars,
    maxEdges: options.maxMermaidEdges
  };
  const focus = focusOf(lineage, diff).wide;
  const linkNote = link2 ? ` [Full lineage](${safeUrl(link2)}).` : "";
  const start = LEVELS.indexOf(options.level ?? "full");
  for (const level of LEVELS.slice(start)) {
    let text3;
    let mermaid = "none";
    if (level === "full") {
      const graph = renderMermaid(lineage, { ...mermaidLimits, level: "full" });
      if (graph.level !== "full") continue;
      mermaid = "full";
      text3 = renderMarkdown(lineage, {
        diff,
        baseRef,
        mermaid: graph.text,
        link: link2
      });
    } else if (level === "changed") {
      const page = (graphText, shown2, total) => renderMarkdown(lineage, {
        diff,
        baseRef,
        mermaid: graphText,
        only: focus,
        maxRows,
        link: link2,
        note: `The graph shows ${formatCount(shown2)} of ${formatCount(total)} nodes: what changed and as much of its neighbourhood and impact as fits.${linkNote}`
      });
      const rest = page("x", 10 ** 9, 10 ** 9);
      const left = budget - Math.max(rest.length, utf8Length(rest));
      const graph = renderMermaid(lineage, {
        ...mermaidLimits,
        maxChars: Math.min(mermaidLimits.maxChars ?? MERMAID_MAX_CHARS, left),
        level: "changed"
      });
      if (graph.level !== "changed") continue;
      mermaid = "changed";
      text3 = page(graph.text, graph.nodes, graph.totalNodes);
    } else if (level === "table") {
      const only = focus.size > 0 ? focus : void 0;
      const page = (rows) => renderMarkdown(lineage, {
        diff,
        baseRef,
        mermaid: false,
        only,
        maxRows: rows,
        link: link2,
        note: `The graph is too large for a comment.${linkNote}`
      });
      text3 = page(maxRows);
      if (!fitsBudget(text3, budget) && maxRows > FEW_ROWS) text3 = page(FEW_ROWS);
    } else {
      text3 = renderCountsOnly(lineage, diff, link2);
    }
    if (fitsBudget(text3, budget)) {
      return {
        text: text3,
        level,
        mermaid,
        chars: text3.length,
        bytes: utf8Length(text3)
      };
    }
  }
  const text2 = truncateToBudget(renderCountsOnly(lineage, diff, link2), budget);
  return {
    text: text2,
    level: "counts",
    mermaid: "none",
    chars: text2.length,
    bytes: utf8Length(text2)
  };
}
function renderCountsOnly(lineage, diff, link2) {
  return [
    `### Lineage of ${code(lineage.pipeline)} on ${code(lineage.profile)}`,
    renderCounts(lineage, diff),
    `The lineage is too large for a comment.${link2 ? ` [Full lineage](${safeUrl(link2)}).` : ""}`
  ].join("\n\n") + "\n";
}
function truncateToBudget(text2, budget) {
  let end = Math.min(text2.length, Math.max(0, budget));
  while (end > 0 && !fitsBudget(text2.slice(0, end), budget)) end--;
  const code2 = text2.charCodeAt(end - 1);
  if (end > 0 && code2 >= 55296 && code2 <= 56319) end--;
  return text2.slice(0, end);
}

// src/lineage/datasets.ts
import { posix } from "node:path";
function datasetName(location, options = {}) {
  if (location.kind === "table") {
    const host = options.workspaceHost?.replace(/^[a-z]+:\/\//i, "").replace(/\/+$/, "");
    return {
      namespace: host ? `databricks://${host}` : "databricks",
      name: location.name
    };
  }
  const uri = location.uri;
  const dbfs = /^dbfs:\/*(.*)$/i.exec(uri);
  if (dbfs) return { namespace: "dbfs", name: `/${dbfs[1]}` };
  if (uri.startsWith("/Volumes/")) return { namespace: "dbfs", name: uri };
  const file = /^file:\/\/[^/]*(\/.*)$/i.exec(uri);
  if (file) return { namespace: "file", name: decodeURI(file[1]) };
  const remote = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/i.exec(uri);
  if (remote) {
    return {
      namespace: `${remote[1].toLowerCase()}://${remote[2]}`,
      name: (remote[3] ?? "").replace(/^\/+/, "")
    };
  }
  const local = uri.replace(/\\/g, "/");
  const absolute = local.startsWith("/") || /^[a-z]:\//i.test(local) || !options.baseDir ? local : posix.join(options.baseDir.replace(/\\/g, "/"), local);
  return { namespace: "file", name: posix.normalize(absolute) };
}

// src/lineage/openlineage-context.ts
var SPEC = "https://openlineage.io/spec/2-0-2/OpenLineage.json";
var FACETS = "https://openlineage.io/spec/facets";
var FACET_SCHEMA = {
  jobType: `${FACETS}/2-0-4/JobTypeJobFacet.json#/$defs/JobTypeJobFacet`,
  lineage: `${FACETS}/1-0-0/LineageFacet.json#/$defs/LineageJobFacet`,
  sourceCodeLocation: `${FACETS}/1-1-0/SourceCodeLocationJobFacet.json#/$defs/SourceCodeLocationJobFacet`,
  parent: `${FACETS}/1-2-0/ParentRunFacet.json#/$defs/ParentRunFacet`,
  jobDependencies: `${FACETS}/1-0-1/JobDependenciesRunFacet.json#/$defs/JobDependenciesRunFacet`,
  errorMessage: `${FACETS}/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet`,
  schema: `${FACETS}/1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet`,
  inputStatistics: `${FACETS}/1-0-0/InputStatisticsInputDatasetFacet.json#/$defs/InputStatisticsInputDatasetFacet`,
  outputStatistics: `${FACETS}/1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/OutputStatisticsOutputDatasetFacet`
};
function createEmitContext(lineage, toolVersion2, options) {
  const producer = options.producer ?? "https://www.npmjs.com/package/create-dtflw-pipeline" + (toolVersion2 ? `/v/${toolVersion2}` : "");
  const namespace = options.namespace ?? `dtflw-${lineage.profile}`;
  const byId = new Map(lineage.tables.map((t) => [t.id, t]));
  const byName = /* @__PURE__ */ new Map();
  for (const t of lineage.tables) if (!byName.has(t.name)) byName.set(t.name, t);
  const reads = /* @__PURE__ */ new Map();
  const writes = /* @__PURE__ */ new Map();
  for (const e of lineage.edges) {
    if (!e.declared) continue;
    const [map, step, table] = e.kind === "read" ? [reads, e.to, e.from] : [writes, e.from, e.to];
    const t = byId.get(table);
    if (t) appendTo(map, step, t);
  }
  return {
    lineage,
    options,
    producer,
    namespace,
    facet: (name, body) => ({
      _producer: producer,
      _schemaURL: FACET_SCHEMA[name],
      ...body
    }),
    identify: (t) => t.location ? datasetName(t.location, options) : { namespace, name: t.name },
    tableNamed: (name) => byName.get(name),
    declared: (step, kind) => (kind === "read" ? reads : writes).get(step.id) ?? [],
    jobName: (key) => `${lineage.pipeline}.${key}`
  };
}

// src/lineage/uuid.ts
init_io();
var DTFLW_NAMESPACE = Buffer.from("c0b5bc5e4e6a4d0c9d5f6c1b3f2f7a10", "hex");
function nameUuid(name) {
  const digest = sha256(
    Buffer.concat([DTFLW_NAMESPACE, Buffer.from(name, "utf8")])
  );
  const hex = digest.slice(0, 32).split("");
  hex[12] = "8";
  hex[16] = (parseInt(hex[16], 16) & 3 | 8).toString(16);
  const h = hex.join("");
  return [
    h.slice(0, 8),
    h.slice(8, 12),
    h.slice(12, 16),
    h.slice(16, 20),
    h.slice(20)
  ].join("-");
}

// src/lineage/openlineage-runs.ts
var FIRST = 0;
var LAST = Number.MAX_SAFE_INTEGER;
function runEvents(ctx, report2) {
  const { lineage, namespace, producer, facet } = ctx;
  const runId = nameUuid(report2.runId);
  const pipelineJob = { namespace, name: lineage.pipeline };
  const stepRunId = (key) => nameUuid(`${report2.runId}/${key}`);
  const results = new Map(report2.steps.map((r) => [r.key, r]));
  const started = new Set(
    report2.steps.filter((r) => r.startedAt && terminalType(r)).map((r) => r.key)
  );
  const access2 = (a) => {
    const location = a.location ?? ctx.tableNamed(a.table)?.location;
    return location ? datasetName(location, ctx.options) : { namespace, name: a.table };
  };
  const event = (eventType, eventTime, rest) => ({
    eventType,
    eventTime,
    producer,
    schemaURL: `${SPEC}#/$defs/RunEvent`,
    ...rest
  });
  const timed = [
    {
      event: event("START", report2.startedAt, {
        run: { runId },
        job: pipelineJob
      }),
      order: FIRST
    }
  ];
  for (const step of lineage.steps) {
    const result = results.get(step.key);
    const end = result && terminalType(result);
    if (!result?.startedAt || !end) continue;
    const upstream = step.dependsOn.map((dep) => ({
      job: { namespace, name: ctx.jobName(dep) },
      ...started.has(dep) && { run: { runId: stepRunId(dep) } },
      dependency_type: "DIRECT_INVOCATION",
      sequence_trigger_rule: "FINISH_TO_START",
      status_trigger_rule: "EXECUTE_ON_SUCCESS"
    }));
    const run2 = (extra) => ({
      runId: stepRunId(step.key),
      facets: {
        parent: facet("parent", {
          job: pipelineJob,
          run: { runId },
          root: { job: pipelineJob, run: { runId } }
        }),
        ...extra
      }
    });
    const job = { namespace, name: ctx.jobName(step.key) };
    const dependencies = upstream.length > 0 ? { jobDependencies: facet("jobDependencies", { upstream }) } : {};
    const error = result.error && end === "FAIL" ? {
      errorMessage: facet("errorMessage", {
        message: result.error.message,
        programmingLanguage: language(step.notebook),
        ...result.error.detail !== void 0 && {
          stackTrace: result.error.detail
        }
      })
    } : {};
    timed.push(
      {
        event: event("START", result.startedAt, {
          run: run2(dependencies),
          job
        }),
        order: 1 + step.index * 2
      },
      {
        event: event(end, result.finishedAt ?? report2.finishedAt, {
          run: run2(error),
          job,
          // With no reads reported the engine could not see them: fall back
          // to the declared inputs, so consumers still link the run upstream.
          inputs: result.reads.length > 0 ? result.reads.map(
            (a) => withStatistics(ctx, access2(a), a.rows, "input")
          ) : ctx.declared(step, "read").map(ctx.identify),
          outputs: result.writes.map(
            (a) => withStatistics(ctx, access2(a), a.rows, "output")
          )
        }),
        order: 2 + step.index * 2
      }
    );
  }
  const outcome = report2.status === "succeeded" ? "COMPLETE" : report2.status === "failed" ? "FAIL" : "ABORT";
  timed.push({
    event: event(outcome, report2.finishedAt, {
      run: { runId },
      job: pipelineJob
    }),
    order: LAST
  });
  const pin = (order) => order === FIRST ? -1 : order === LAST ? 1 : 0;
  return timed.sort(
    (a, b) => pin(a.order) - pin(b.order) || compareText(a.event.eventTime, b.event.eventTime) || a.order - b.order
  ).map((t) => t.event);
}
function terminalType(result) {
  switch (result.status) {
    case "succeeded":
      return "COMPLETE";
    case "failed":
      return "FAIL";
    case "cancelled":
      return "ABORT";
    default:
      return void 0;
  }
}
function withStatistics({ facet }, name, rows, side) {
  if (rows === void 0) return name;
  return side === "input" ? {
    ...name,
    inputFacets: {
      inputStatistics: facet("inputStatistics", { rowCount: rows })
    }
  } : {
    ...name,
    outputFacets: {
      outputStatistics: facet("outputStatistics", { rowCount: rows })
    }
  };
}
function language(notebook) {
  const ext = notebook.slice(notebook.lastIndexOf(".") + 1).toLowerCase();
  return ext === "sql" ? "SQL" : ext === "scala" ? "SCALA" : ext === "r" ? "R" : "PYTHON";
}

// src/lineage/openlineage.ts
function buildOpenLineageEvents(lineage, report2, options = {}) {
  const ctx = createEmitContext(lineage, report2?.toolVersion, options);
  const time = options.now ?? report2?.startedAt ?? (/* @__PURE__ */ new Date()).toISOString();
  return [...jobEvents(ctx, time), ...report2 ? runEvents(ctx, report2) : []];
}
function renderOpenLineage(lineage, report2, options = {}) {
  return buildOpenLineageEvents(lineage, report2, options).map((e) => JSON.stringify(e) + "\n").join("");
}
function jobEvents(ctx, eventTime) {
  const { lineage, namespace, producer, facet, identify, options } = ctx;
  const schemaURL = `${SPEC}#/$defs/JobEvent`;
  const jobType = (kind) => facet("jobType", {
    processingType: "BATCH",
    integration: "DTFLW",
    jobType: kind
  });
  const sha = lineage.run?.gitSha;
  const events = [
    {
      eventTime,
      producer,
      schemaURL,
      job: {
        namespace,
        name: lineage.pipeline,
        facets: { jobType: jobType("DAG") }
      }
    }
  ];
  for (const step of lineage.steps) {
    const inputs = ctx.declared(step, "read");
    const outputs = ctx.declared(step, "write");
    const sourceCode = options.repositoryUrl && sha ? {
      sourceCodeLocation: facet("sourceCodeLocation", {
        type: "git",
        url: `${options.repositoryUrl.replace(/\/+$/, "")}/blob/${sha}/${encodeURI(step.notebook)}`,
        repoUrl: options.repositoryUrl,
        path: step.notebook,
        version: sha
      })
    } : {};
    events.push({
      eventTime,
      producer,
      schemaURL,
      job: {
        namespace,
        name: ctx.jobName(step.key),
        facets: {
          jobType: jobType("TASK"),
          // A notebook declares tables, not columns: every input may feed
          // every output.
          lineage: facet("lineage", {
            entries: outputs.map((o) => ({
              ...identify(o),
              type: "DATASET",
              inputs: inputs.map((i) => ({ ...identify(i), type: "DATASET" }))
            }))
          }),
          ...sourceCode
        }
      },
      inputs: inputs.map(identify),
      outputs: outputs.map((o) => ({
        ...identify(o),
        ...o.columns && {
          facets: {
            schema: facet("schema", {
              fields: o.columns.map((c) => ({
                name: c.name,
                ...c.type !== null && { type: c.type }
              }))
            })
          }
        }
      }))
    });
  }
  return events;
}

// src/lineage/json.ts
function renderLineageJson(lineage, diff) {
  return JSON.stringify(diff ? { lineage, diff } : { lineage }, null, 2) + "\n";
}

// src/commands/lineage.ts
init_report();
async function runLineage(request, deps) {
  const { plan, project, profile, gitSha, warnings } = await loadPlan(
    request,
    deps
  );
  const root = project.manifest.root;
  const report2 = request.report ? await loadReport(path29.resolve(request.cwd, request.report)) : void 0;
  const read = (base) => (p) => readFile9(path29.join(base, p), "utf8");
  const fingerprints = await fingerprintSteps(plan, read(root));
  const lineage = buildLineage(plan, report2, { fingerprints });
  let diff;
  if (request.base) {
    const base = await loadPlanAtRef(
      project,
      request.base,
      request,
      deps,
      gitSha
    );
    const baseLineage = base ? buildLineage(base.plan, void 0, { fingerprints: base.fingerprints }) : buildLineage(emptyPlanLike(plan));
    diff = diffLineage(
      baseLineage,
      lineage,
      changedSteps(base?.fingerprints ?? {}, fingerprints).changed
    );
  }
  const format = request.format ?? "markdown";
  const host = profile.values.workspace?.host;
  const text2 = render(format, lineage, diff, report2, request.base, {
    baseDir: root,
    ...typeof host === "string" ? { workspaceHost: host } : {}
  });
  return {
    exitCode: ExitCode.Success,
    diagnostics: warnings,
    data: { kind: "lineage", format, text: text2 }
  };
}
function render(format, lineage, diff, report2, baseRef, naming) {
  switch (format) {
    case "markdown":
      return renderLineageSummary(lineage, { diff, baseRef }).text;
    case "mermaid": {
      const graph = renderMermaid(lineage, { diff });
      return graph.text === "" ? `%% The graph (${graph.totalNodes} nodes) does not fit Mermaid's limits of 50,000 characters and 500 edges.
%% Use --format markdown for a table, or --base REF to draw only what changed.
` : graph.text;
    }
    case "openlineage":
      return renderOpenLineage(lineage, report2, naming);
    case "json":
      return renderLineageJson(lineage, diff);
  }
}
function emptyPlanLike(plan) {
  return {
    ...plan,
    steps: [],
    edges: [],
    levels: [],
    criticalPath: [],
    sources: [],
    excluded: []
  };
}
async function loadReport(file) {
  try {
    return await readRunReport(file);
  } catch (error) {
    throw new UsageError(
      `cannot read the run report ${file}: ${error.message}; pass the report.json of a run (.dtflw/runs/<run-id>/report.json).`
    );
  }
}

// src/commands/plan.ts
init_diagnostics();
async function runPlan(request, deps) {
  const { plan, changed, warnings } = await loadPlan(request, deps);
  return {
    exitCode: ExitCode.Success,
    diagnostics: warnings,
    data: { kind: "plan", plan, ...changed ? { changed } : {} }
  };
}

// src/commands/run.ts
init_diagnostics();
import path31 from "node:path";

// src/commands/run-flow.ts
init_report();
import { randomBytes as randomBytes4 } from "node:crypto";
import { mkdir as mkdir8 } from "node:fs/promises";
import path30 from "node:path";
var DEFAULT_RUNS_DIR = ".dtflw/runs";
function newRunId(at) {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return `${stamp}-${randomBytes4(2).toString("hex")}`;
}
async function runFlow(engine, plan, options) {
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const runsDir = options.runsDir ?? path30.join(options.root, DEFAULT_RUNS_DIR);
  const startedAt = now();
  const runId = options.runId ?? newRunId(startedAt);
  const runDir = runFolder(runsDir, runId);
  await mkdir8(runDir, { recursive: true });
  const mask = options.mask ?? ((text2) => text2);
  const events = await createEventLog(path30.join(runDir, EVENTS_FILE), mask);
  const emit = (event) => {
    events.append(toLogRecord(runId, event));
    options.onEvent?.(event);
  };
  const signal = options.signal ?? new AbortController().signal;
  try {
    const notebooks = new Set(plan.steps.map((s) => s.notebook)).size;
    emit({
      type: "deploy-started",
      at: now().toISOString(),
      engine: engine.name,
      notebooks
    });
    const deployed = await engine.deploy(plan, {
      preview: options.preview,
      signal,
      onProgress: options.onProgress
    });
    emit({ type: "deploy-finished", at: now().toISOString(), result: deployed });
    emit({
      type: "run-started",
      at: now().toISOString(),
      runId,
      steps: plan.steps.map((s) => s.key)
    });
    const run2 = await engine.run(plan, {
      runId,
      runDir,
      deployed,
      parallelism: options.parallelism,
      failFast: options.failFast,
      lazy: options.lazy,
      signal,
      emit,
      now
    });
    const report2 = buildRunReport({
      plan,
      runId,
      toolVersion: options.toolVersion,
      gitSha: options.gitSha,
      preview: options.preview,
      deployedRoot: deployed.root,
      remoteRunId: run2.remoteRunId,
      runUrl: run2.runUrl,
      startedAt,
      finishedAt: now(),
      steps: run2.steps,
      cancelled: signal.aborted
    });
    const reportFile = await writeRunReport(runsDir, report2, mask);
    emit({ type: "run-finished", at: report2.finishedAt, report: report2 });
    return { report: report2, reportFile };
  } finally {
    await events.close();
  }
}

// src/commands/run.ts
function exitCodeOf(report2, signal) {
  if (report2.status === "succeeded") return ExitCode.Success;
  if (report2.status === "cancelled") {
    return signal?.reason === "SIGTERM" ? 143 : 130;
  }
  return ExitCode.StepFailed;
}
async function runRun(request, deps) {
  const loaded2 = await loadPlan(request, deps);
  const { plan, project, gitSha, warnings } = loaded2;
  const engine = await engineFor(loaded2, deps);
  const { report: report2, reportFile } = await runFlow(engine, plan, {
    root: project.manifest.root,
    parallelism: request.parallelism ?? deps.cores,
    failFast: request.failFast === true,
    lazy: request.lazy === true,
    preview: request.preview,
    gitSha,
    toolVersion: deps.toolVersion,
    signal: deps.signal,
    onEvent: deps.onEvent,
    onProgress: deps.onProgress,
    mask: deps.masker?.mask,
    now: deps.now
  });
  return {
    exitCode: exitCodeOf(report2, deps.signal),
    diagnostics: warnings,
    data: {
      kind: "run",
      plan,
      report: report2,
      reportPath: path31.relative(request.cwd, reportFile) || reportFile
    }
  };
}

// src/commands/validate.ts
init_diagnostics();
import path32 from "node:path";
init_notebooks();
var OFFLINE = { gitSha: "0000000", preview: "preview" };
async function runValidate(request, deps) {
  const read = await readManifest(request.manifest, request.cwd);
  const manifest = read.manifest;
  if (!manifest) return done(read.diagnostics, [], 0);
  const diagnostics = [...read.diagnostics];
  const built = buildFlow(manifest);
  diagnostics.push(...built.diagnostics);
  const flow = hasErrors(diagnostics) ? void 0 : built.flow;
  const profiles = await listProfiles(manifest.root, manifest.profilesDir);
  diagnostics.push(...await checkProfiles(manifest, flow, profiles, deps));
  for (const name of manifest.promotion) {
    if (!profiles.includes(name)) {
      diagnostics.push(
        errorAt(
          "unknown-promotion-profile",
          `promotion lists "${name}", which has no profile file; add ${manifest.profilesDir}/${name}.yaml or remove it from promotion.`
        )
      );
    }
  }
  diagnostics.push(...await checkNotebooks(manifest));
  return done(diagnostics, profiles, manifest.flow.length);
}
function done(diagnostics, profiles, steps) {
  const unique = sortDiagnostics(dedupe(diagnostics));
  const errors = unique.filter((d) => d.severity === "error").length;
  return {
    exitCode: errors > 0 ? ExitCode.Invalid : ExitCode.Success,
    diagnostics: unique,
    data: {
      kind: "validate",
      profiles,
      steps,
      errors,
      warnings: unique.length - errors
    }
  };
}
async function checkProfiles(manifest, flow, profiles, deps) {
  const out = [];
  if (profiles.length === 0) {
    out.push(
      errorAt(
        "no-profiles",
        `no profiles found in ${manifest.profilesDir}/; add at least ${manifest.profilesDir}/development.yaml.`
      )
    );
  }
  for (const name of profiles) {
    try {
      const profile = await loadProfile({
        root: manifest.root,
        profilesDir: manifest.profilesDir,
        name,
        context: { env: deps.env, pipeline: manifest.pipeline, ...OFFLINE },
        allowUnsetEnv: true
      });
      out.push(
        ...profile.leaves.filter((leaf) => leaf.unresolved && isDeployOnly(leaf.path)).map(unsetForDeploy)
      );
      if (flow) planFlow(flow, profile, { env: deps.env, ...OFFLINE });
    } catch (error) {
      if (!(error instanceof InvalidConfigError)) throw error;
      out.push(...error.diagnostics);
    }
  }
  return out;
}
async function checkNotebooks(manifest) {
  const out = [];
  for (const step of manifest.flow) {
    try {
      const notebook = await readNotebook(
        path32.join(manifest.root, step.notebook),
        step.notebook
      );
      out.push(...notebook.warnings ?? []);
      out.push(...unpassedParameters(step, notebook));
    } catch (error) {
      if (!(error instanceof DtflwError)) throw error;
      if (error.diagnostics.some((d) => d.code === "missing-notebook")) continue;
      out.push(...error.diagnostics);
    }
  }
  return out;
}
function dedupe(diagnostics) {
  const seen = /* @__PURE__ */ new Set();
  return diagnostics.filter((d) => {
    const id = JSON.stringify([d.code, d.summary, d.location]);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
function unpassedParameters(step, notebook) {
  const passed = /* @__PURE__ */ new Set([
    ...step.args.map((a) => a.name),
    ...step.inputs.map((i) => `${i.name}_in`),
    ...step.outputs.map((o) => `${o.name}_out`)
  ]);
  const reported = /* @__PURE__ */ new Set();
  const out = [];
  for (const ref of findParameterReferences(notebook)) {
    if (passed.has(ref.name) || reported.has(ref.name)) continue;
    reported.add(ref.name);
    out.push(
      warningAt(
        "unpassed-parameter",
        `notebook ${step.notebook} reads parameter "${ref.name}", which step "${step.key}" (${formatLine(step.location)}) does not pass; add it to the step's args, inputs or outputs, or ignore this if the notebook declares a default.`,
        { file: notebook.path, line: ref.line, column: 1 }
      )
    );
  }
  return out;
}

// src/commands/index.ts
var COMMANDS = {
  validate: runValidate,
  plan: runPlan,
  explain: runExplain,
  deploy: runDeploy,
  run: runRun,
  cleanup: runCleanup,
  lineage: runLineage
};
async function runCommand(request, deps) {
  const masker = deps.masker ?? createMasker();
  const onSecret = (value) => {
    masker.add(value);
    deps.onSecret?.(value);
  };
  for (const [name, value] of Object.entries(deps.env)) {
    if (value && isSecretName(name)) onSecret(value);
  }
  try {
    checkRequest(request);
    return await COMMANDS[request.command](request, {
      ...deps,
      masker,
      onSecret
    });
  } catch (error) {
    const known = error instanceof DtflwError ? error : new InternalError(String(error?.message ?? error), {
      cause: error
    });
    return {
      exitCode: known.exitCode,
      diagnostics: known.diagnostics,
      error: known
    };
  }
}

// src/cli/main.ts
init_diagnostics();

// src/cli/args.ts
import { parseArgs } from "node:util";
import path33 from "node:path";
init_diagnostics();
var COMMANDS2 = COMMAND_NAMES;
var OPTIONS = {
  manifest: { type: "string", short: "m" },
  "working-directory": { type: "string", short: "C" },
  profile: { type: "string", short: "p" },
  select: { type: "string", short: "s" },
  "changed-since": { type: "string" },
  "defer-to": { type: "string" },
  lazy: { type: "boolean" },
  "fail-fast": { type: "boolean" },
  parallelism: { type: "string", short: "j" },
  preview: { type: "string" },
  format: { type: "string", short: "f" },
  base: { type: "string" },
  report: { type: "string" },
  stale: { type: "string" },
  json: { type: "boolean" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" }
};
var ACCEPTS = {
  validate: [],
  plan: ["profile", "select", "changed-since", "defer-to", "preview"],
  explain: ["profile", "preview"],
  deploy: ["profile", "preview"],
  run: [
    "profile",
    "select",
    "changed-since",
    "defer-to",
    "lazy",
    "fail-fast",
    "parallelism",
    "preview"
  ],
  cleanup: ["profile", "preview", "stale"],
  lineage: ["profile", "format", "base", "report", "preview", "select"]
};
var COMMON = [
  "manifest",
  "working-directory",
  "json",
  "debug",
  "help",
  "version"
];
function parseCliArgs(argv, cwd) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true
    });
  } catch (error) {
    const raw = error.message.replace(/\. To specify.*$/s, "");
    const message = raw.charAt(0).toLowerCase() + raw.slice(1);
    const option = /'(-{1,2}[^']+)'/.exec(message)?.[1];
    const known = Object.keys(OPTIONS).map((o) => `--${o}`);
    const hint = option ? didYouMean(option, known) : "";
    throw new UsageError(
      `${message};${hint || " run dtflw --help for the options."}`
    );
  }
  const { values, positionals } = parsed;
  const json = values.json === true;
  const debug = values.debug === true;
  if (values.version) return { json, debug, help: false, version: true };
  const [command, ...rest] = positionals;
  if (values.help || command === "help" || command === void 0) {
    return {
      json,
      debug,
      help: true,
      version: false,
      topic: command === "help" ? rest[0] : command
    };
  }
  if (!COMMANDS2.includes(command)) {
    throw new UsageError(
      `unknown command "${command}";${didYouMean(command, COMMANDS2) || ` the commands are: ${COMMANDS2.join(", ")}.`}`
    );
  }
  if (rest.length > 0) {
    throw new UsageError(
      `dtflw ${command} takes no positional argument, got "${rest[0]}"; run dtflw ${command} --help.`
    );
  }
  const name = command;
  for (const key of Object.keys(values)) {
    if (!COMMON.includes(key) && !ACCEPTS[name].includes(key)) {
      throw new UsageError(
        `dtflw ${name} does not take --${key}; run dtflw ${name} --help.`
      );
    }
  }
  const base = values["working-directory"] ? path33.resolve(cwd, values["working-directory"]) : cwd;
  const request = {
    command: name,
    manifest: values.manifest ?? "dtflw.yaml",
    cwd: base,
    profile: values.profile,
    select: values.select,
    changedSince: values["changed-since"],
    deferTo: values["defer-to"],
    lazy: values.lazy === true,
    failFast: values["fail-fast"] === true,
    parallelism: parsePositive("parallelism", values.parallelism),
    preview: values.preview,
    format: values.format,
    base: values.base,
    report: values.report,
    stale: values.stale
  };
  return { request, json, debug, help: false, version: false };
}
function parsePositive(name, raw) {
  if (raw === void 0) return void 0;
  if (!/^[1-9][0-9]*$/.test(raw)) {
    throw new UsageError(
      `--${name} must be a positive whole number, got "${raw}".`
    );
  }
  return Number(raw);
}
function helpText(topic) {
  const usage = {
    validate: "dtflw validate [--manifest dtflw.yaml]\n  Checks the manifest, every profile and every notebook, offline, without credentials.",
    plan: "dtflw plan --profile P [--select S] [--changed-since REF [--defer-to P2]] [--json]\n  The resolved steps, their parameters, order, parallel levels and critical path.",
    explain: "dtflw explain --profile P [--json]\n  Every resolved profile value and the file:line it came from.",
    deploy: "dtflw deploy --profile P [--preview NAME] [--json]\n  Puts the notebooks where the profile runs them (a workspace folder), uploading only what changed.",
    run: "dtflw run --profile P [--select S] [--changed-since REF [--defer-to P2]] [--lazy] [--fail-fast] [--parallelism N] [--preview NAME] [--json]\n  Deploys, then runs the flow on the engine of the profile and writes .dtflw/runs/<id>/report.json.",
    cleanup: "dtflw cleanup --profile P (--preview NAME | --stale AGE) [--json]\n  Removes a pull-request preview, or every preview older than AGE (e.g. 7d).",
    lineage: "dtflw lineage [--profile P] [--format markdown|mermaid|openlineage|json] [--base REF] [--report FILE]\n  What reads and writes what; --base shows the diff against another ref."
  };
  if (topic && usage[topic])
    return `${usage[topic]}

Common options: --manifest/-m PATH, -C DIR, --json, --debug.`;
  return [
    "dtflw: CI tooling for Databricks notebook pipelines.",
    "",
    "Commands:",
    ...COMMANDS2.map((c) => `  ${usage[c].split("\n")[0]}`),
    "",
    'Selection: --select "a, b+, +c" (a step, and its downstream, and its upstream).',
    "Exit codes: 0 success; 1 a notebook failed or an output is missing; 2 bad usage, manifest or profile; 3 platform failure (auth, network, API); 4 refused (promotion gate, deploy lock); 130/143 interrupted."
  ].join("\n");
}

// src/cli/render.ts
function renderPlanText(plan) {
  const lines = [];
  const where = plan.engine === "local" ? "on this machine (DuckDB)" : `on ${plan.engine}`;
  lines.push(
    `Plan for ${plan.pipeline} on profile ${plan.profile}, ${where}: ${plural2(plan.steps.length, "step")} in ${plural2(plan.levels.length, "level")}.`
  );
  if (plan.excluded.length > 0) {
    lines.push(`Left out by the selection: ${plan.excluded.join(", ")}.`);
  }
  const byKey = new Map(plan.steps.map((s) => [s.key, s]));
  plan.levels.forEach((level, i) => {
    lines.push("");
    lines.push(
      `Level ${i + 1}${level.length > 1 ? ` (${level.length} in parallel)` : ""}`
    );
    for (const key of level) {
      const step = byKey.get(key);
      const after = step.dependsOn.length > 0 ? `  after ${step.dependsOn.join(", ")}` : "";
      lines.push(`  ${step.key}  ${step.notebook}${after}`);
      const width = Math.max(
        0,
        ...Object.keys(step.parameters).map((p) => p.length)
      );
      for (const [param, value] of Object.entries(step.parameters)) {
        lines.push(
          `      ${param.padEnd(width)}  ${value === "" ? '""' : value}`
        );
      }
    }
  });
  const ordering = plan.edges.filter((e) => e.kind !== "data");
  if (ordering.length > 0) {
    lines.push("");
    lines.push("Ordering kept where steps share a location:");
    for (const e of ordering)
      lines.push(`  ${e.from} -> ${e.to}  (${e.kind}, ${e.table})`);
  }
  lines.push("");
  lines.push(`Critical path: ${plan.criticalPath.join(" -> ") || "(empty)"}`);
  return lines.join("\n");
}
var MARK = {
  succeeded: "ok",
  failed: "FAILED",
  skipped: "skipped",
  lazy: "lazy",
  cancelled: "cancelled",
  pending: "not run"
};
function seconds(ms) {
  return ms === void 0 ? "-" : `${(ms / 1e3).toFixed(1)}s`;
}
function renderRunSummary(report2, reportPath) {
  const width = Math.max(4, ...report2.steps.map((s) => s.key.length));
  const lines = [
    `Run ${report2.runId} of ${report2.pipeline} on ${report2.profile}: ${report2.status} in ${seconds(report2.durationMs)}.`
  ];
  if (report2.runUrl) lines.push(`Run page: ${report2.runUrl}`);
  for (const s of report2.steps) {
    let note = "";
    if (s.error) note = `  ${s.error.message}`;
    else if (s.skippedBecause)
      note = `  because ${s.skippedBecause} did not succeed`;
    else if (s.exitValue !== void 0) note = `  exit: ${s.exitValue}`;
    if (s.runUrl && s.status !== "succeeded") note += `  ${s.runUrl}`;
    lines.push(
      `  ${MARK[s.status].padEnd(9)} ${s.key.padEnd(width)} ${seconds(s.durationMs).padStart(7)}${note}`
    );
  }
  if (report2.resume) lines.push(`Resume with: --select "${report2.resume}"`);
  lines.push(`Report: ${reportPath}`);
  return lines.join("\n");
}
function renderData(data) {
  switch (data.kind) {
    case "validate": {
      if (data.errors > 0) {
        return `${plural2(data.errors, "error")}${data.warnings ? ` and ${plural2(data.warnings, "warning")}` : ""}; fix them and run dtflw validate again.`;
      }
      const also = data.warnings ? ` (${plural2(data.warnings, "warning")})` : "";
      return `Valid: ${plural2(data.steps, "step")} and ${plural2(data.profiles.length, "profile")} (${data.profiles.join(", ")})${also}.`;
    }
    case "plan": {
      const head = data.changed ? `Changed since ${data.changed.base}: ${[...data.changed.changed, ...data.changed.added].join(", ") || "nothing"}; selected with downstream: ${data.changed.selected.join(", ") || "nothing"}.
` : "";
      return head + renderPlanText(data.plan);
    }
    case "explain":
      return renderExplain(data.rows);
    case "deploy":
      return renderDeploy(data);
    case "run":
      return renderRunSummary(data.report, data.reportPath);
    case "cleanup": {
      const removed = data.result.removed;
      const kept = data.result.kept.length;
      return `${removed.length > 0 ? `Removed ${plural2(removed.length, "preview")}: ${removed.join(", ")}.` : "Nothing to remove."}${kept > 0 ? ` Kept ${plural2(kept, "preview")}.` : ""}`;
    }
    case "lineage":
      return data.text;
  }
}
function renderDeploy(data) {
  const r = data.result;
  const counts = [
    `${r.uploaded.length} uploaded`,
    `${r.unchanged.length} unchanged`,
    `${r.removed.length} removed`
  ].join(", ");
  const requests = r.requests !== void 0 ? ` in ${plural2(r.requests, "request")}` : "";
  return `Deployed ${data.profile}${data.preview ? ` (preview ${data.preview})` : ""} to ${r.root}: ${counts}${requests}.`;
}
function dataToJson(data) {
  switch (data.kind) {
    case "run":
      return data.report;
    case "lineage":
      return data.format === "markdown" || data.format === "mermaid" ? { format: data.format, text: data.text } : JSON.parse(data.text);
    default: {
      const { kind: _kind, ...rest } = data;
      return rest;
    }
  }
}
function plural2(n, word2) {
  return `${n} ${word2}${n === 1 ? "" : "s"}`;
}

// src/cli/progress.ts
function createProgress(sink, now = Date.now) {
  const running = /* @__PURE__ */ new Map();
  let total = 0;
  let done2 = 0;
  let drawn = 0;
  let timer;
  const clear = () => {
    if (!sink.isTTY || drawn === 0) return;
    sink.write(`\x1B[${drawn}A\x1B[0J`);
    drawn = 0;
  };
  const draw = () => {
    if (!sink.isTTY) return;
    clear();
    const lines = [...running.entries()].sort(([a], [b]) => a < b ? -1 : 1).map(([key, start]) => `  running  ${key}  ${seconds(now() - start)}`);
    lines.push(`  ${done2}/${total} steps done`);
    sink.write(lines.join("\n") + "\n");
    drawn = lines.length;
  };
  const line = (text2) => {
    clear();
    sink.write(text2 + "\n");
    draw();
  };
  return {
    onEvent(event) {
      switch (event.type) {
        case "deploy-started":
          if (event.engine !== "local") {
            line(`Deploying ${event.notebooks} notebooks to ${event.engine}`);
          }
          break;
        case "deploy-finished": {
          const r = event.result;
          if (r.uploaded.length + r.removed.length > 0 || r.requests) {
            line(
              `Deployed: ${r.uploaded.length} uploaded, ${r.unchanged.length} unchanged, ${r.removed.length} removed`
            );
          }
          break;
        }
        case "run-submitted":
          line(
            `Submitted run ${event.remoteRunId}${event.url ? `: ${event.url}` : ""}`
          );
          break;
        case "run-started":
          total = event.steps.length;
          if (sink.isTTY) timer = setInterval(draw, 250);
          line(`Running ${total} steps (run ${event.runId})`);
          break;
        case "step-started":
          running.set(event.key, now());
          if (!sink.isTTY) line(`started   ${event.key}`);
          else draw();
          break;
        case "step-finished": {
          running.delete(event.key);
          done2++;
          const r = event.result;
          const why = r.error ? `: ${r.error.message}` : "";
          line(
            `${r.status.padEnd(10)}${event.key} ${seconds(r.durationMs)}${why}`
          );
          break;
        }
        case "run-finished":
          if (timer) clearInterval(timer);
          clear();
          break;
        default:
          break;
      }
    },
    /** A line of progress from long work (e.g. a deploy's uploads). */
    note(text2) {
      line(text2);
    },
    stop() {
      if (timer) clearInterval(timer);
      clear();
    }
  };
}

// src/cli/version.ts
import { readFileSync } from "node:fs";
function readVersion() {
  for (const up of ["../../package.json", "../../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), "utf8"));
      if (pkg.name === "create-dtflw-pipeline") return String(pkg.version);
    } catch {
    }
  }
  return "0.0.0";
}
var cached;
function toolVersion() {
  cached ??= readVersion();
  return cached;
}

// src/cli/main.ts
async function main(raw) {
  const masker = createMasker();
  const masked = (stream) => ({
    write: (s) => stream.write(masker.mask(s)),
    isTTY: stream.isTTY,
    columns: stream.columns
  });
  const io = {
    ...raw,
    stdout: masked(raw.stdout),
    stderr: masked(raw.stderr)
  };
  let settings;
  try {
    settings = parseCliArgs(io.argv, io.cwd);
  } catch (error) {
    if (!(error instanceof DtflwError)) throw error;
    const json = io.argv.includes("--json");
    report(
      io,
      { exitCode: error.exitCode, diagnostics: error.diagnostics },
      json
    );
    return error.exitCode;
  }
  if (settings.version) {
    io.stdout.write(`${toolVersion()}
`);
    return ExitCode.Success;
  }
  if (settings.help || !settings.request) {
    io.stdout.write(`${helpText(settings.topic)}
`);
    return ExitCode.Success;
  }
  const shows = ["run", "deploy"].includes(settings.request.command);
  const progress = shows && !settings.json ? createProgress({
    write: (s) => io.stderr.write(s),
    isTTY: io.stderr.isTTY === true && io.env.CI !== "true",
    columns: io.stderr.columns
  }) : void 0;
  const result = await runCommand(settings.request, {
    env: io.env,
    toolVersion: toolVersion(),
    signal: io.signal,
    onEvent: progress?.onEvent,
    onProgress: progress?.note,
    onSecret: masker.add,
    cores: Math.max(1, os2.availableParallelism())
  });
  progress?.stop();
  report(io, result, settings.json);
  if (settings.debug && result.error instanceof InternalError) {
    const cause = result.error.cause;
    io.stderr.write(`${cause?.stack ?? result.error.stack}
`);
  }
  return result.exitCode;
}
function report(io, result, json) {
  if (json) {
    const body = {
      exitCode: result.exitCode,
      diagnostics: result.diagnostics.map(toJson),
      ...result.data ? { result: dataToJson(result.data) } : {}
    };
    io.stdout.write(`${JSON.stringify(body, null, 2)}
`);
    return;
  }
  for (const d of result.diagnostics) io.stderr.write(`${formatText(d)}
`);
  if (result.data) io.stdout.write(`${renderData(result.data)}
`);
}

// src/cli/index.ts
var controller = new AbortController();
var interrupted = 0;
process.on("SIGINT", () => {
  interrupted++;
  if (interrupted > 1) process.exit(130);
  process.stderr.write(
    "\nCancelling: waiting for running steps to stop (Ctrl-C again to force).\n"
  );
  controller.abort("SIGINT");
});
process.on("SIGTERM", () => controller.abort("SIGTERM"));
process.exitCode = await main({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal
});
