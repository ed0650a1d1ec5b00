// libpcsclite caches the daemon socket per process, so every end-to-end test in this assembly shares one private pcscd.
[assembly: AssemblyFixture(typeof(PcscRigFixture))]
