using Permit.Web.Tests.Support;

// One Chromium for every browser test in this assembly.
[assembly: AssemblyFixture(typeof(Browser))]
