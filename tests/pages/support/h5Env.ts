// Imported first by the h5 tests: the modules below read TARO_ENV when they load, as in the h5 build.
process.env.TARO_ENV = 'h5';
export {};
