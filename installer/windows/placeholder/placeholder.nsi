; The placeholder that stands for the frozen kiosk in the installer built on Linux, where
; the real Windows program cannot be frozen (PyInstaller freezes only for the system it
; runs on). It is a real Windows program, so the installer wraps the same layout as the
; real build (mot-cua-kiosk.exe and _internal\) and the round trip under Wine can start
; what the autostart task starts: given the environment variable
; MOT_CUA_KIOSK_PLACEHOLDER_LOG, it appends its command line to that file. It shows no
; window and does nothing else.

!ifndef OUTFILE | TARGET
  !error "build with installer/windows/build-installer.sh"
!endif
Target ${TARGET}
Unicode true
Name "Mot Cua Kiosk placeholder"
OutFile "${OUTFILE}"
RequestExecutionLevel user
SilentInstall silent

Section
  ReadEnvStr $0 MOT_CUA_KIOSK_PLACEHOLDER_LOG
  StrCmp $0 "" done
  FileOpen $1 "$0" a
  FileSeek $1 0 END
  FileWrite $1 "$CMDLINE$\r$\n"
  FileClose $1
  done:
SectionEnd
