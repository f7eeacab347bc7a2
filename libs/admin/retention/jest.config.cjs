module.exports = require('../../../jest.preset.angular.cjs')(__dirname, 'admin-retention');
