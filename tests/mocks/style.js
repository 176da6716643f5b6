// CSS imports are irrelevant to the page tests.
module.exports = {};
