#!/usr/bin/env pwsh
# Slipway bootstrap for PowerShell. Fast path: when the compiled build is newer than every input, run it directly.
$ErrorActionPreference = 'Stop'
$ScriptDir = $PSScriptRoot
$BuildProject = Join-Path $ScriptDir 'build/_build.csproj'
$BuildDll = Join-Path $ScriptDir 'build/bin/Debug/net10.0/_build.dll'
$TempDir = Join-Path $ScriptDir '.nuke/temp'
$Stamp = Join-Path $TempDir 'build.stamp'

$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'
$env:SLIPWAY_SCRIPT_DIRECTORY = $ScriptDir

$dotnet = Get-Command dotnet -ErrorAction SilentlyContinue
if (-not $dotnet) {
    Write-Error "error: the .NET SDK was not found. Install .NET SDK 10 (https://dot.net/download), then run ./build.ps1 again."
    exit 2
}

function Test-Stale {
    if (-not (Test-Path $Stamp) -or -not (Test-Path $BuildDll)) { return $true }
    $stampTime = (Get-Item $Stamp).LastWriteTimeUtc
    $inputs = @(Get-ChildItem -Path (Join-Path $ScriptDir 'build') -Recurse -File | Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' })
    $inputs += Get-ChildItem -Path (Join-Path $ScriptDir 'src') -Recurse -File -Include '*.cs', '*.csproj' | Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
    $inputs += Get-ChildItem -Path $ScriptDir -File -Filter 'Directory.*.props'
    $inputs += Get-Item (Join-Path $ScriptDir 'global.json')
    return [bool]($inputs | Where-Object { $_.LastWriteTimeUtc -gt $stampTime } | Select-Object -First 1)
}

if (Test-Stale) {
    New-Item -ItemType Directory -Force -Path $TempDir | Out-Null
    $required = [int]((Get-Content (Join-Path $ScriptDir 'global.json') | ConvertFrom-Json).sdk.version.Split('.')[0])
    $actual = & dotnet --version
    if ([int]$actual.Split('.')[0] -lt $required) {
        Write-Error "error: .NET SDK $required.x is required by global.json, found '$actual'. Install .NET SDK $required and run ./build.ps1 again."
        exit 2
    }
    $started = [DateTime]::UtcNow
    $log = Join-Path $TempDir 'bootstrap.log'
    & dotnet build $BuildProject -nologo -v q -clp:NoSummary *> $log
    if ($LASTEXITCODE -ne 0) {
        Get-Content $log | Write-Host
        Write-Error "error: compiling the build project failed (see above); fix it and run ./build.ps1 again."
        exit 2
    }
    New-Item -ItemType File -Force -Path $Stamp | Out-Null
    (Get-Item $Stamp).LastWriteTimeUtc = $started
}

& dotnet $BuildDll @args
exit $LASTEXITCODE
