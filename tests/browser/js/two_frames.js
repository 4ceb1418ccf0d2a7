// Resolves after two animation frames: what was drawn before has been painted.
() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
