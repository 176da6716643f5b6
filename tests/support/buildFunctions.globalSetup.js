// The function tests exercise the deployable bundles (cloudfunctions/<name>/index.js), exactly
// what WeChat runs, so they are rebuilt from source before the node test project runs (~0.2 s).
const { buildCloudFunctions } = require('../../scripts/build-functions');

module.exports = async () => {
  await buildCloudFunctions();
};
