/**
 * The one tesseract.js-core build the extension ships (copied into tess/core/ by wxt.config.ts) and
 * loads by explicit corePath: LSTM only (we run OEM.LSTM_ONLY) with WebAssembly SIMD, which every
 * browser we support has. Why this one and not the relaxed-SIMD build: bench/ocr-cores.md.
 */
export const TESS_CORE = 'tesseract-core-simd-lstm.wasm.js';
