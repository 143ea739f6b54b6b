'use strict';

module.exports = require('./dist/server/src/index.js').default;
