// libpcsclite caches the daemon socket per process, so every test in this assembly shares one private pcscd.
[assembly: AssemblyFixture(typeof(PcscRigFixture))]
