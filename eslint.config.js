// ESLint for the page (www/), the build scripts, the benchmarks and the
// browser and wasm tests: the recommended rules, plus a ban on innerHTML-like
// sinks so that user text reaches the DOM only as text.
import js from '@eslint/js';
import globals from 'globals';

const noHtmlSinks = [
  { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'User text reaches the DOM only as text: use textContent.' },
  { selector: "AssignmentExpression[left.property.name='outerHTML']", message: 'User text reaches the DOM only as text: use textContent.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'User text reaches the DOM only as text.' },
  { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: 'No document.write.' },
];

export default [
  { ignores: ['**/node_modules/**', 'www/pkg/**', 'dist/**', 'target/**', 'pkg/**', 'python/**'] },
  js.configs.recommended,
  {
    files: ['www/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.browser } },
    rules: { 'no-restricted-syntax': ['error', ...noHtmlSinks] },
  },
  {
    files: ['www/worker.js'],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    files: ['**/*.mjs', 'eslint.config.js', 'tests/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
];
