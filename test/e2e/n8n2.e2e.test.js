'use strict';
/** The end-to-end scenarios on n8n 2.41.1 (Node 24). */
const { defineScenarios } = require('./scenarios');

describe('n8n 2.41.1 on Node 24', () => defineScenarios('n8n2'));
