; Một Cửa Kiosk for Windows: a per-machine installer IT can run by hand or silently.
;
;   mot-cua-kiosk-setup-<version>.exe [/S] [/KIOSKUSER=name] [/SETUPCODE=code]
;                                     [/NOAUTOSTART] [/D=C:\path\without\quotes]
;   "C:\Program Files\MotCuaKiosk\uninstall.exe" [/S] [/PURGE]
;
; What it leaves on the machine, and why (docs/install.md, "Windows"):
; - the frozen kiosk in $PROGRAMFILES64\MotCuaKiosk (or /D=), read-only for users;
; - C:\ProgramData\MotCuaKiosk\kiosk.toml, written once and kept by updates, holding the
;   data folder and a random setup code the kiosk asks for before its first-run setup;
;   that folder is private: SYSTEM and Administrators, plus the kiosk account which may
;   only read the settings and may change only the data folder beneath;
; - a Task Scheduler task that starts the kiosk full screen when the kiosk account signs
;   in, and again within a minute whenever it has stopped (a task rather than that
;   account's Run key: its registry hive is not loaded while it is signed out, and a Run
;   entry never starts the kiosk again after a crash);
; - the uninstall entry in Apps, with a quiet uninstall line for IT's tools.
; Uninstalling keeps the settings and citizens' data unless /PURGE is given.
;
; build-installer.sh passes VERSION, PAYLOAD_DIR, OUTFILE and TARGET (amd64-unicode where
; the NSIS build has 64-bit stubs, as Debian's has; x86-unicode with the official Windows
; build, whose 32-bit installer then writes the 64-bit registry view).

!ifndef VERSION | PAYLOAD_DIR | OUTFILE | TARGET
  !error "build with installer/windows/build-installer.sh"
!endif
Target ${TARGET}
Unicode true

!define APP_NAME "Một Cửa Kiosk"
!define APP_KEY "MotCuaKiosk"
!define PUBLISHER "Một Cửa Kiosk"
!define EXE "mot-cua-kiosk.exe"
; The console program beside it, for IT's command line (the kiosk itself is windowed).
!define CLI_EXE "mot-cua-kiosk-cli.exe"
!define TASK_NAME "MotCuaKiosk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_KEY}"
; Win32 errors LookupAccountName gives for a name it knows (the probe passes no buffer).
!define ERROR_INSUFFICIENT_BUFFER 122
; Exit codes of a silent install that stopped, past NSIS's own 1 (cancelled) and 2
; (aborted); docs/install.md lists them for IT's deployment tools.
!define EXIT_NOT_64BIT 10
!define EXIT_BAD_SETUP_CODE 11
!define EXIT_NO_ACCOUNT 12
!define EXIT_ACL 13
!define EXIT_TASK 14
!define SETUP_CODE_CHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_KEY}"
RequestExecutionLevel admin
SetCompressor /SOLID lzma
ManifestDPIAware true
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION}.0"
VIAddVersionKey ProductName "${APP_NAME}"
VIAddVersionKey CompanyName "${PUBLISHER}"
VIAddVersionKey FileDescription "${APP_NAME} setup"
VIAddVersionKey FileVersion "${VERSION}"
VIAddVersionKey ProductVersion "${VERSION}"
VIAddVersionKey LegalCopyright "GPL-3.0-or-later"

!include MUI2.nsh
!include FileFunc.nsh
!include LogicLib.nsh
!include nsDialogs.nsh
!include x64.nsh
!include StrFunc.nsh
${StrLoc}

Var KioskUser
Var SetupCode
Var DataRoot
Var NoAutostart
Var Purge
Var FinishMessage
Var UserField

!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_DIRECTORY
Page custom KioskUserPage KioskUserPageLeave
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_TEXT "$FinishMessage"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the one a silent install on an unknown system language uses.
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"
!include "${__FILEDIR__}/lang/vietnamese.nsh"
!include "${__FILEDIR__}/lang/english.nsh"

!macro UseMachineView
  ; A 32-bit installer would otherwise write the uninstall entry where 64-bit Windows
  ; hides it from 32-bit programs only.
  !if ${NSIS_PTR_SIZE} = 4
    SetRegView 64
  !endif
  SetShellVarContext all
  StrCpy $DataRoot "$APPDATA\${APP_KEY}"
!macroend

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "$(MsgNeeds64)" /SD IDOK
    SetErrorLevel ${EXIT_NOT_64BIT}
    Quit
  ${EndIf}
  !insertmacro UseMachineView
  ; An update goes where the kiosk already is, unless /D= names another folder.
  ReadRegStr $0 HKLM "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $0 != ""
  ${AndIf} $INSTDIR == "$PROGRAMFILES64\${APP_KEY}"
    StrCpy $INSTDIR $0
  ${EndIf}
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/KIOSKUSER=" $KioskUser
  ${If} ${Errors}
    ; An update keeps the account the kiosk already runs as.
    ReadRegStr $KioskUser HKLM "${UNINSTALL_KEY}" "KioskUser"
  ${EndIf}
  ${If} $KioskUser == ""
    StrCpy $KioskUser "kiosk"
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/SETUPCODE=" $SetupCode
  ${IfNot} ${Errors}
    Call CheckSetupCode
    Pop $0
    ${If} $0 != "ok"
      MessageBox MB_ICONSTOP "$(MsgBadSetupCode)" /SD IDOK
      SetErrorLevel ${EXIT_BAD_SETUP_CODE}
      Quit
    ${EndIf}
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/NOAUTOSTART" $R1
  ${IfNot} ${Errors}
    StrCpy $NoAutostart 1
  ${EndIf}
  !insertmacro MUI_LANGDLL_DISPLAY
  ${If} ${Silent}
    ; No page asks for the account: check the given one before anything changes.
    Call CheckKioskUser
    Pop $0
    ${If} $0 != "ok"
      SetErrorLevel ${EXIT_NO_ACCOUNT}
      Quit
    ${EndIf}
  ${EndIf}
FunctionEnd

; Pushes "ok" when $KioskUser names an account Windows knows, else says what to do.
Function CheckKioskUser
  ${If} $KioskUser == ""
    MessageBox MB_ICONEXCLAMATION "$(MsgUserEmpty)" /SD IDOK
    Push "bad"
    Return
  ${EndIf}
  System::Call 'advapi32::LookupAccountNameW(p 0, w "$KioskUser", p 0, *i 0, p 0, *i 0, *i .r2) i .r0 ?e'
  Pop $1
  ${If} $1 <> ${ERROR_INSUFFICIENT_BUFFER}
    MessageBox MB_ICONEXCLAMATION "$(MsgNoUser)" /SD IDOK
    Push "bad"
    Return
  ${EndIf}
  Push "ok"
FunctionEnd

Function KioskUserPage
  !insertmacro MUI_HEADER_TEXT "$(KioskUserTitle)" "$(KioskUserSubtitle)"
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 40u "$(KioskUserLabel)"
  Pop $0
  ${NSD_CreateText} 0 46u 60% 14u "$KioskUser"
  Pop $UserField
  nsDialogs::Show
FunctionEnd

Function KioskUserPageLeave
  ${NSD_GetText} $UserField $KioskUser
  Call CheckKioskUser
  Pop $0
  ${If} $0 != "ok"
    Abort ; stay on the page
  ${EndIf}
FunctionEnd

; Pushes "ok" when /SETUPCODE= is a code the kiosk accepts: 8 to 64 letters, digits or
; dashes (its setup_code setting; StrLoc compares without case, as the kiosk does).
Function CheckSetupCode
  StrLen $1 $SetupCode
  ${If} $1 < 8
  ${OrIf} $1 > 64
    Push "bad"
    Return
  ${EndIf}
  IntOp $1 $1 - 1
  ${ForEach} $2 0 $1 + 1
    StrCpy $3 $SetupCode 1 $2
    ${StrLoc} $4 "${SETUP_CODE_CHARS}" $3 ">"
    ${If} $4 == ""
      Push "bad"
      Return
    ${EndIf}
  ${Next}
  Push "ok"
FunctionEnd

; Ten digits from the system's cryptographic generator, typed on the kiosk's keypad.
Function MakeSetupCode
  StrCpy $SetupCode ""
  ${ForEach} $3 1 2 + 1
    System::Call 'advapi32::SystemFunction036(*i .r1, i 4) i .r2'
    ${If} $2 == 0
      Abort "RtlGenRandom failed"
    ${EndIf}
    IntOp $1 $1 & 0x7FFFFFFF
    IntOp $1 $1 % 100000
    IntFmt $1 "%05d" $1
    StrCpy $SetupCode "$SetupCode$1"
  ${Next}
FunctionEnd

Function WriteConfig
  ${If} $SetupCode == ""
    Call MakeSetupCode
  ${EndIf}
  FileOpen $9 "$DataRoot\kiosk.toml" w
  FileWrite $9 "# Mot Cua Kiosk: settings of this computer, written once by the installer and$\r$\n"
  FileWrite $9 "# kept by updates. Every setting is described in the README; installing on$\r$\n"
  FileWrite $9 "# Windows in docs/install.md.$\r$\n"
  FileWrite $9 "kiosk_mode = true$\r$\n"
  FileWrite $9 "data_dir = '$DataRoot\data'$\r$\n"
  FileWrite $9 "# Asked by the kiosk before its first-run setup (python -m kiosk setup).$\r$\n"
  FileWrite $9 "setup_code = '$SetupCode'$\r$\n"
  FileClose $9
FunctionEnd

; Runs icacls; on failure says so and stops the installation.
!macro Icacls ARGS
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" ${ARGS}'
  Pop $0
  ${If} $0 != 0
    MessageBox MB_ICONSTOP "$(MsgAclFailed)" /SD IDOK
    SetErrorLevel ${EXIT_ACL}
    Abort
  ${EndIf}
!macroend

Function WriteAutostartTask
  ; Task Scheduler reads the definition in UTF-16; kept beside the kiosk so IT can
  ; register it again by hand (docs/install.md, "Recovering a kiosk").
  FileOpen $9 "$INSTDIR\kiosk-autostart.xml" w
  FileWriteUTF16LE /BOM $9 '<?xml version="1.0" encoding="UTF-16"?>$\r$\n'
  FileWriteUTF16LE $9 '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">$\r$\n'
  FileWriteUTF16LE $9 '  <RegistrationInfo><Description>Starts ${APP_NAME} full screen when $KioskUser signs in, and again within a minute whenever it has stopped.</Description></RegistrationInfo>$\r$\n'
  FileWriteUTF16LE $9 '  <Triggers><LogonTrigger><Enabled>true</Enabled><UserId>$KioskUser</UserId>'
  FileWriteUTF16LE $9 '<Repetition><Interval>PT1M</Interval><StopAtDurationEnd>false</StopAtDurationEnd></Repetition></LogonTrigger></Triggers>$\r$\n'
  FileWriteUTF16LE $9 '  <Principals><Principal id="Kiosk"><UserId>$KioskUser</UserId><LogonType>InteractiveToken</LogonType><RunLevel>LeastPrivilege</RunLevel></Principal></Principals>$\r$\n'
  FileWriteUTF16LE $9 '  <Settings><MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy><DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>'
  FileWriteUTF16LE $9 '<StopIfGoingOnBatteries>false</StopIfGoingOnBatteries><AllowHardTerminate>true</AllowHardTerminate><AllowStartOnDemand>true</AllowStartOnDemand>'
  FileWriteUTF16LE $9 '<Enabled>true</Enabled><Hidden>false</Hidden><ExecutionTimeLimit>PT0S</ExecutionTimeLimit><Priority>4</Priority></Settings>$\r$\n'
  FileWriteUTF16LE $9 '  <Actions Context="Kiosk"><Exec><Command>"$INSTDIR\${EXE}"</Command>'
  FileWriteUTF16LE $9 '<Arguments>--fullscreen --config "$DataRoot\kiosk.toml"</Arguments><WorkingDirectory>$INSTDIR</WorkingDirectory></Exec></Actions>$\r$\n'
  FileWriteUTF16LE $9 '</Task>$\r$\n'
  FileClose $9
  nsExec::ExecToLog '"$SYSDIR\schtasks.exe" /Create /F /TN "${TASK_NAME}" /XML "$INSTDIR\kiosk-autostart.xml"'
  Pop $0
  ${If} $0 != 0
    MessageBox MB_ICONSTOP "$(MsgTaskFailed)" /SD IDOK
    SetErrorLevel ${EXIT_TASK}
    Abort
  ${EndIf}
FunctionEnd

Section "-Kiosk"
  ; An update replaces files the running kiosk holds open: end it first (the task
  ; starts it again within a minute).
  nsExec::Exec '"$SYSDIR\schtasks.exe" /End /TN "${TASK_NAME}"'
  Pop $0

  CreateDirectory "$DataRoot\data"
  ${If} ${FileExists} "$DataRoot\kiosk.toml"
    StrCpy $FinishMessage "$(FinishTextKept)"
  ${Else}
    Call WriteConfig
    StrCpy $FinishMessage "$(FinishText)"
  ${EndIf}
  ; SIDs, not names: the groups are named in the system's language.
  !insertmacro Icacls '"$DataRoot" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F "$KioskUser:(OI)(CI)RX"'
  !insertmacro Icacls '"$DataRoot\data" /grant:r "$KioskUser:(OI)(CI)M"'

  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD_DIR}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "KioskUser" "$KioskUser"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DataFolder" "$DataRoot"
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0

  ; Last, after the uninstall entry: a task that cannot be registered leaves a program
  ; that can still be uninstalled or installed again.
  ${If} $NoAutostart == 1
    nsExec::Exec '"$SYSDIR\schtasks.exe" /Delete /F /TN "${TASK_NAME}"'
    Pop $0
    Delete "$INSTDIR\kiosk-autostart.xml"
  ${Else}
    Call WriteAutostartTask
  ${EndIf}
SectionEnd

Function un.onInit
  !insertmacro UseMachineView
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PURGE" $R1
  ${IfNot} ${Errors}
    StrCpy $Purge 1
  ${EndIf}
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Uninstall"
  nsExec::Exec '"$SYSDIR\schtasks.exe" /End /TN "${TASK_NAME}"'
  Pop $0
  nsExec::Exec '"$SYSDIR\schtasks.exe" /Delete /F /TN "${TASK_NAME}"'
  Pop $0
  ; Only what the installer put there: /D= may have named a folder holding other things.
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\kiosk-autostart.xml"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  ${If} $Purge == 1
    RMDir /r "$DataRoot"
  ${Else}
    DetailPrint "$(DetailDataKept)"
  ${EndIf}
SectionEnd
