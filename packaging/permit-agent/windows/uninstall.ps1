<#
.SYNOPSIS
  Removes the Permit card agent: the service, the program and its "Apps & features" entry.
.DESCRIPTION
  This PC's configuration, pairing, synchronised lists and logs in "%ProgramData%\Permit\Agent" stay for a reinstall;
  -Purge removes them as well (the PC must then be paired again).
#>
[CmdletBinding()]
param([switch] $Purge)
$ErrorActionPreference = 'Stop'
$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    Write-Error 'uninstall.ps1: run it in an elevated PowerShell (Run as administrator).'
    exit 1
}

$program = Join-Path $env:ProgramFiles 'Permit\Agent'
$data = Join-Path $env:ProgramData 'Permit\Agent'
$name = 'PermitAgent'

$service = Get-Service -Name $name -ErrorAction SilentlyContinue
if ($service) {
    if ($service.Status -ne 'Stopped') { Stop-Service -Name $name -Force }
    sc.exe delete $name | Out-Null
}
Remove-Item -Path 'HKLM:\Software\Microsoft\Windows\CurrentVersion\Uninstall\PermitAgent' -Recurse -Force -ErrorAction SilentlyContinue
# Run from the installed copy, the script deletes its own folder last; Windows lets a running script's file go.
Remove-Item -Path $program -Recurse -Force -ErrorAction SilentlyContinue
$parent = Split-Path -Parent $program
if ((Test-Path $parent) -and -not (Get-ChildItem $parent)) { Remove-Item $parent -Force }

if ($Purge) {
    Remove-Item -Path $data -Recurse -Force -ErrorAction SilentlyContinue
    $dataParent = Split-Path -Parent $data
    if ((Test-Path $dataParent) -and -not (Get-ChildItem $dataParent)) { Remove-Item $dataParent -Force }
    Write-Output 'Permit card agent removed, with its configuration, pairing and logs.'
} else {
    Write-Output "Permit card agent removed; configuration, pairing and logs kept in $data (uninstall.ps1 -Purge removes them)."
}
exit 0
