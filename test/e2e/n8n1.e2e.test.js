'use strict';
/** The end-to-end scenarios on n8n 1.123.50 (Node 20). */
const { defineScenarios } = require('./scenarios');

describe('n8n 1.123.50 on Node 20', () => defineScenarios('n8n1'));
