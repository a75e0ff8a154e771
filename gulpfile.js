// Copies the SVG icons next to the compiled nodes and credentials (tsc copies no assets).
const { src, dest, task } = require('gulp');

task('build:icons', () => src(['icons/*.svg', 'nodes/**/*.svg', 'credentials/**/*.svg'], { base: '.' }).pipe(dest('dist')));
