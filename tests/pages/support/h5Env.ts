// No product module reads TARO_ENV any more: the jest project \`pages-h5\` resolves the H5 build's
// platform files (\`x.h5.ts\`), as Taro's h5 build does. Kept so that tests importing it still set
// what the H5 build would; new tests need not import it.
process.env.TARO_ENV = 'h5';
export {};
