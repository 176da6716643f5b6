// babel-preset-taro is used by both the Taro build and jest (it emits CommonJS under NODE_ENV=test).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
