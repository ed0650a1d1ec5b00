<#
.SYNOPSIS
  Installs (or upgrades) the Permit card agent as a Windows service that starts with Windows.
.DESCRIPTION
  Run from the unzipped folder in an elevated PowerShell:
    powershell -ExecutionPolicy Bypass -File .\install.ps1 -Api https://permits.example.gov.cn/ -AllowedOrigin https://permits.example.gov.cn
  The program goes to "%ProgramFiles%\Permit\Agent"; this PC's configuration, pairing, synchronised lists and logs to
  "%ProgramData%\Permit\Agent" (kept on upgrade and on uninstall, unless uninstall.ps1 -Purge).
  The service "PermitAgent" runs "permit-agent.exe serve" as LOCAL SERVICE, after the Smart Card service.
  Exit codes: 0 installed and answering /health; 1 not elevated; 2 the service did not answer /health in time.
#>
[CmdletBinding()]
param(
    [string] $Api,
    [string[]] $AllowedOrigin = @(),
    [string] $TrustRoot,
    [int] $Port = 5179
)
$ErrorActionPreference = 'Stop'
$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    Write-Error 'install.ps1: run it in an elevated PowerShell (Run as administrator).'
    exit 1
}

$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$program = Join-Path $env:ProgramFiles 'Permit\Agent'
$data = Join-Path $env:ProgramData 'Permit\Agent'
$name = 'PermitAgent'

# An upgrade: stop the running service before its files are replaced.
$existing = Get-Service -Name $name -ErrorAction SilentlyContinue
if ($existing -and $existing.Status -ne 'Stopped') { Stop-Service -Name $name -Force }

New-Item -ItemType Directory -Force -Path $program, (Join-Path $data 'state'), (Join-Path $data 'logs') | Out-Null
if (Test-Path $program) { Get-ChildItem $program | Remove-Item -Recurse -Force }
Copy-Item -Path (Join-Path $here 'app\*') -Destination $program -Recurse -Force
Copy-Item -Path (Join-Path $here 'uninstall.ps1') -Destination $program -Force

# This PC's configuration: written once, then the administrator's (an upgrade never overwrites it).
$config = Join-Path $data 'appsettings.json'
if (-not (Test-Path $config)) {
    $settings = Get-Content -Raw (Join-Path $here 'appsettings.json') | ConvertFrom-Json
    $settings.Agent.StateDirectory = Join-Path $data 'state'
    $settings.Agent.LogDirectory = Join-Path $data 'logs'
    $settings.Agent.TrustRootPublicKeyFile = Join-Path $data 'trust-root.pem'
    $settings.Agent.Port = $Port
    if ($Api) { $settings.Agent.Api = $Api }
    if ($AllowedOrigin.Count -gt 0) { $settings.Agent.AllowedOrigins = $AllowedOrigin }
    $settings | ConvertTo-Json -Depth 5 | Set-Content -Encoding UTF8 $config
}
if ($TrustRoot) { Copy-Item -Path $TrustRoot -Destination (Join-Path $data 'trust-root.pem') -Force }

# LOCAL SERVICE (SID S-1-5-19) reads the configuration and writes state and logs; nobody else but administrators writes.
icacls $data /grant '*S-1-5-19:(OI)(CI)M' | Out-Null

$binary = '"' + (Join-Path $program 'permit-agent.exe') + '" serve'
if (-not $existing) {
    New-Service -Name $name -BinaryPathName $binary -DisplayName 'Permit card agent' -StartupType Automatic `
        -Description 'Card readers for the permit pages on this PC (127.0.0.1 only).' | Out-Null
} else {
    sc.exe config $name binPath= $binary start= auto | Out-Null
}
sc.exe config $name obj= 'NT AUTHORITY\LocalService' depend= SCardSvr | Out-Null
# Restart after a crash: 5 s, 5 s, then 60 s; the count resets after a day.
sc.exe failure $name reset= 86400 actions= restart/5000/restart/5000/restart/60000 | Out-Null

# "Apps & features" lists it, with uninstall.ps1 as its uninstaller.
$key = 'HKLM:\Software\Microsoft\Windows\CurrentVersion\Uninstall\PermitAgent'
New-Item -Path $key -Force | Out-Null
$version = (Get-Item (Join-Path $program 'permit-agent.dll')).VersionInfo.ProductVersion
Set-ItemProperty -Path $key -Name DisplayName -Value 'Permit card agent'
Set-ItemProperty -Path $key -Name DisplayVersion -Value $version
Set-ItemProperty -Path $key -Name Publisher -Value 'Permit'
Set-ItemProperty -Path $key -Name InstallLocation -Value $program
Set-ItemProperty -Path $key -Name UninstallString -Value ('powershell.exe -ExecutionPolicy Bypass -File "' + (Join-Path $program 'uninstall.ps1') + '"')
Set-ItemProperty -Path $key -Name NoModify -Value 1 -Type DWord

Start-Service -Name $name
for ($i = 0; $i -lt 30; $i++) {
    try {
        $health = Invoke-RestMethod -Uri "http://127.0.0.1:$Port/health" -TimeoutSec 2
        Write-Output "Permit card agent $($health.version) installed: status $($health.status), $($health.readers) reader(s)."
        exit 0
    } catch { Start-Sleep -Seconds 1 }
}
Write-Error "install.ps1: the service was installed but does not answer http://127.0.0.1:$Port/health; see $data\logs."
exit 2
