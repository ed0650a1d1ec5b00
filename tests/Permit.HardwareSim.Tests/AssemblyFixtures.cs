using Permit.HardwareSim.Tests.EndToEnd;

// libpcsclite caches the daemon socket per process, so the end-to-end tests share one private pcscd.
[assembly: AssemblyFixture(typeof(SharedPcscRig))]
