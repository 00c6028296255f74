// The UI suites render the H5 flavour of the components.
process.env.TARO_ENV = 'h5'
