// Integration tests boot the whole Nest app on a fresh database per test file: give them room.
const base = require('../../jest.preset.node.cjs')(__dirname, 'api');
module.exports = { ...base, testTimeout: 180_000, maxWorkers: process.env.CI ? 2 : '50%' };
