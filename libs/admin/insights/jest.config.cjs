const preset = require('../../../jest.preset.angular.cjs')(__dirname, 'admin-insights');

// ng2-charts imports lodash-es, plain ES modules: transform them like the .mjs files.
module.exports = {
  ...preset,
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|lodash-es/))'],
};
