/**
 * Every unit test file: no real network (only loopback, for tests that start a local server),
 * and nock's interception removed at the end of the file so the next file in the same jest
 * worker installs its own cleanly.
 */
import nock from 'nock';

beforeEach(() => {
	nock.disableNetConnect();
	nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
});
afterEach(() => nock.cleanAll());
afterAll(() => nock.restore());
