// One Chromium for every browser test in this assembly.
[assembly: AssemblyFixture(typeof(Browser))]

// libpcsclite caches the daemon socket per process: the card tests share one private pcscd (slot 0 = ID card reader,
// slot 1 = permit card reader).
[assembly: AssemblyFixture(typeof(PcscRigFixture))]
