Attribute VB_Name = "DadeumRibbon"
Option Explicit
' Dadeum ribbon dispatcher for the classic Windows add-in, Dadeum.xlam.
' Import this file ONCE into the add-in's VBA project (see README, classic Excel section).
' Every button of the ribbon tab calls RibbonDispatch; its tag names a ribbon script from
' addin/ribbon.toml, and Python (dadeum.excel.classic_ribbon) runs that script on the active
' workbook. New buttons then need no VBA: `dadeum addin classic` rewrites only customUI.xml.
' This file is kept ASCII-only: the VBA editor reads .bas files in the system code page.

Sub RibbonDispatch(control As IRibbonControl)
    RunPython "import dadeum.excel.classic_ribbon as r; r.run('" & SafeTag(control.Tag) & "')"
End Sub

Private Function SafeTag(tag As String) As String
    ' Only letters, digits and "_" reach the Python command; Python rejects unknown names.
    Dim i As Long, ch As String
    For i = 1 To Len(tag)
        ch = Mid$(tag, i, 1)
        If Not (ch Like "[A-Za-z0-9_]") Then
            SafeTag = ""
            Exit Function
        End If
    Next i
    SafeTag = tag
End Function
