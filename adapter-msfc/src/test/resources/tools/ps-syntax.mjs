// Reports PowerShell syntax errors with tree-sitter-powershell: node ps-syntax.mjs MODULES_DIR FILE...
// Prints file:line:col for every ERROR or missing node; exits 1 when there is one, 0 otherwise.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [modulesDir, ...files] = process.argv.slice(2);
const require = createRequire(path.join(modulesDir, 'package.json'));
const Parser = (await import(pathToFileURL(require.resolve('tree-sitter')).href)).default;
const PowerShell = (await import(pathToFileURL(require.resolve('tree-sitter-powershell')).href)).default;
const parser = new Parser();
parser.setLanguage(PowerShell);
let bad = 0;
for (const file of files) {
  let text = readFileSync(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const walk = (node) => {
    if (node.type === 'ERROR' || node.isMissing) {
      bad++;
      console.log(`${file}:${node.startPosition.row + 1}:${node.startPosition.column + 1}: ${node.isMissing ? 'missing ' + node.type : 'syntax error'}`);
    }
    for (const child of node.children) walk(child);
  };
  walk(parser.parse(text).rootNode);
}
process.exit(bad > 0 ? 1 : 0);
