// `cargo xtask build`: the release stylesheet minified in place before each page carries it
// inline (`xtask/src/sizes.rs`, `inline_stylesheet`), by Lightning CSS (the minifier Trunk
// itself delegates to). A warning fails the build: it means a rule the browser may not read.
import { readFileSync, writeFileSync } from 'node:fs';
import { transform } from 'lightningcss';

const [file] = process.argv.slice(2);
const { code, warnings } = transform({ filename: file, code: readFileSync(file), minify: true });
if (warnings.length > 0) {
  for (const w of warnings) console.error(`${file}:${w.loc.line}:${w.loc.column}: ${w.message}`);
  process.exit(1);
}
writeFileSync(file, code);
