/**
 * Runs every notebook in order (`npm run notebooks`): the classical oracles, then one notebook per
 * paper, each regenerating out/figures/<paper>/ and printing its summary. With
 * BOUNDCHECK_NOTEBOOK_QUICK=1 every notebook runs at reduced sizes.
 */
const NOTEBOOKS = ['classical', 'alimisis2025', 'liu2025', 'xu2025', 'craciun2024'] as const;

const started = performance.now();
for (const name of NOTEBOOKS) await import(`./${name}.js`);
console.log(`all notebooks: ${NOTEBOOKS.length} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
